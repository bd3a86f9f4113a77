using System.Text;

namespace HmisPlatform.Import;

/// <summary>
/// Reads CSV as RFC 4180 writes it: fields separated by commas, a field in double quotes may hold commas, quotes
/// (doubled) and line breaks; records end at CRLF or LF. Each record comes with the line it starts on.
/// </summary>
public static class CsvText
{
    public static IEnumerable<(int Line, List<string> Fields)> Records(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var (line, startLine, quoted, fieldStarted) = (1, 1, false, false);
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        field.Append('"');
                        reader.Read();
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    line += ch == '\n' ? 1 : 0;
                    field.Append(ch);
                }
                continue;
            }
            switch (ch)
            {
                case '"' when field.Length == 0:
                    quoted = fieldStarted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStarted = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    yield return (startLine, fields);
                    (fields, line, fieldStarted) = ([], line + 1, false);
                    field.Clear();
                    startLine = line;
                    break;
                default:
                    field.Append(ch);
                    fieldStarted = true;
                    break;
            }
        }
        if (fieldStarted || field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return (startLine, fields);
        }
    }
}
