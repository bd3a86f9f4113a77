using System.Globalization;
using System.Text;

namespace HmisPlatform.Gateway.Exports;

/// <summary>
/// Writes CSV as RFC 4180 reads it, row by row to the response as the rows arrive. A cell that a spreadsheet would run
/// as a formula (starting with =, +, - or @) is written with a leading apostrophe, so an exported name cannot.
/// </summary>
public sealed class CsvWriter(Stream body)
{
    private readonly StreamWriter _writer = new(body, new UTF8Encoding(false), bufferSize: 16 * 1024, leaveOpen: true);

    public async Task RowAsync(IEnumerable<string?> cells, CancellationToken cancellationToken)
    {
        await _writer.WriteAsync(string.Join(',', cells.Select(Cell)).AsMemory(), cancellationToken);
        await _writer.WriteAsync("\r\n".AsMemory(), cancellationToken);
    }

    public Task FlushAsync(CancellationToken cancellationToken) => _writer.FlushAsync(cancellationToken);

    public static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' && !IsNumber(text))
        {
            text = "'" + text;
        }
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }

    private static bool IsNumber(string text) => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out _);
}
