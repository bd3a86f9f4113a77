using System.Globalization;
using Google.Protobuf.Reflection;

namespace HmisPlatform.Import;

/// <summary>A problem with one row, or with a whole file (line 0), as the report names it.</summary>
public sealed record RowProblem(string File, int Line, string Column, string Description, string Reason)
{
    public override string ToString() => Line == 0
        ? $"{File}: {Description} ({Reason})"
        : $"{File} line {Line}{(Column.Length > 0 ? $", column {Column}" : "")}: {Description} ({Reason})";
}

/// <summary>One CSV row read by its header: each column's text, and the problems of reading it.</summary>
public sealed class CsvRow(string file, int line, IReadOnlyDictionary<string, string> values)
{
    public string File { get; } = file;

    public int Line { get; } = line;

    public List<RowProblem> Problems { get; } = [];

    public string Text(string column) => values.TryGetValue(column, out var value) ? value.Trim() : "";

    /// <summary>A list cell: values separated by ';', blanks dropped.</summary>
    public IReadOnlyList<string> List(string column) =>
        [.. Text(column).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>An enum value as the contracts name it, without its prefix (EMERGENCY_SHELTER for PROJECT_TYPE_EMERGENCY_SHELTER).</summary>
    public T? Enum<T>(string column, string text, EnumDescriptor descriptor, string prefix) where T : struct, System.Enum
    {
        var name = prefix + text.Trim().ToUpperInvariant();
        if (text.Trim().Length > 0 && descriptor.FindValueByName(name) is { Number: > 0 } value)
        {
            return (T)System.Enum.ToObject(typeof(T), value.Number);
        }
        var known = string.Join(", ", descriptor.Values.Where(v => v.Number > 0).Select(v => v.Name[prefix.Length..]));
        Problems.Add(new RowProblem(File, Line, column, $"not one of {known}", "UNKNOWN_VALUE"));
        return null;
    }

    public int? Number(string column, bool required)
    {
        var text = Text(column);
        if (text.Length == 0 && !required)
        {
            return null;
        }
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }
        Problems.Add(new RowProblem(File, Line, column, "a whole number", "NOT_A_NUMBER"));
        return null;
    }
}

/// <summary>Reads the import's CSV files: UTF-8, a header row, columns in any order (named as docs/import.md names them).</summary>
public static class ImportFiles
{
    public const string Agencies = "agencies.csv";
    public const string Administrators = "administrators.csv";
    public const string Users = "users.csv";
    public const string Lms = "lms.csv";

    public static IReadOnlyDictionary<string, string[]> Columns { get; } = new Dictionary<string, string[]>
    {
        [Agencies] = ["agency_name", "email_domains", "apa_start", "apa_end", "project_types", "license_credits"],
        [Administrators] = ["agency_name", "role", "given_name", "family_name", "email", "ata_training_completed_on"],
        [Users] = ["given_name", "family_name", "email", "agency_name", "hmis_username", "status", "last_login_on", "project_types", "responsibilities", "eua_signed_on"],
        [Lms] = ["email", "lms_username", "course", "progress_percent", "completed_on"],
    };

    /// <summary>The rows of one file, or null when the folder has no such file; a header without a column refuses the whole file.</summary>
    public static (List<CsvRow>? Rows, RowProblem? FileProblem) Read(string folder, string file)
    {
        var path = Path.Combine(folder, file);
        if (!File.Exists(path))
        {
            return (null, null);
        }
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var records = CsvText.Records(reader).GetEnumerator();
        if (!records.MoveNext())
        {
            return ([], new RowProblem(file, 0, "", "the file is empty: it needs a header row", "HEADER_MISSING"));
        }
        var header = records.Current.Fields.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var missing = Columns[file].Except(header).ToList();
        if (missing.Count > 0)
        {
            return ([], new RowProblem(file, 0, "", $"the header lacks {string.Join(", ", missing)}", "COLUMN_MISSING"));
        }
        var rows = new List<CsvRow>();
        while (records.MoveNext())
        {
            var (line, fields) = records.Current;
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                values[header[i]] = i < fields.Count ? fields[i] : "";
            }
            rows.Add(new CsvRow(file, line, values));
        }
        return (rows, null);
    }
}
