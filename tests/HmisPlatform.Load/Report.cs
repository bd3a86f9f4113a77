using System.Globalization;
using System.Text;

namespace HmisPlatform.Load;

/// <summary>A run's figures as a Markdown table and an SVG plot of latency by concurrency, under artifacts/load.</summary>
public sealed class Report(string machine)
{
    private readonly List<(Measurement Figures, Measurement? Against)> _rows = [];
    private readonly List<string> _notes = [];

    public void Add(Measurement figures, Measurement? against)
    {
        _rows.Add((figures, against));
        Console.WriteLine(Row(figures, against));
    }

    public void Note(string line)
    {
        _notes.Add(line);
        Console.WriteLine(line);
    }

    public async Task<string> WriteAsync(string folder, IReadOnlyList<Measurement> ceilingByCallers, IReadOnlyList<Measurement> submitByCallers)
    {
        Directory.CreateDirectory(folder);
        var markdown = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Load run of {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC on {machine}.")
            .AppendLine()
            .AppendLine("| scenario | callers | calls | calls/s | × ceiling | p50 ms | p90 ms | p99 ms | max ms | errors |")
            .AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var (figures, against) in _rows)
        {
            markdown.AppendLine(Row(figures, against));
        }
        markdown.AppendLine();
        foreach (var note in _notes)
        {
            markdown.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
        }
        var table = Path.Combine(folder, "load.md");
        await File.WriteAllTextAsync(table, markdown.ToString());
        await File.WriteAllTextAsync(Path.Combine(folder, "latency-by-callers.svg"), Plot(ceilingByCallers, submitByCallers));
        return table;
    }

    private static string Row(Measurement m, Measurement? against) => string.Create(CultureInfo.InvariantCulture,
        $"| {m.Scenario} | {m.Callers} | {m.Calls} | {m.Rate:F0} | {(against is null ? "" : (m.Rate / against.Rate).ToString("F2", CultureInfo.InvariantCulture))} | " +
        $"{m.Milliseconds(50):F1} | {m.Milliseconds(90):F1} | {m.Milliseconds(99):F1} | {m.MaxMilliseconds:F1} | " +
        $"{(m.ErrorCount == 0 ? "0" : string.Join("; ", m.Errors.Select(e => $"{e.Value}× {e.Key}")))} |");

    /// <summary>p50 and p99 of the ceiling and of a submit by concurrency, on a logarithmic latency axis.</summary>
    private static string Plot(IReadOnlyList<Measurement> ceiling, IReadOnlyList<Measurement> submit)
    {
        const int width = 720, height = 420, left = 70, right = 180, top = 30, bottom = 50;
        var series = new (string Name, IReadOnlyList<Measurement> Points, double Percentile, string Colour, string Dash)[]
        {
            ("ceiling p50", ceiling, 50, "#0f6cbd", ""), ("ceiling p99", ceiling, 99, "#0f6cbd", "6 4"),
            ("submit p50", submit, 50, "#c50f1f", ""), ("submit p99", submit, 99, "#c50f1f", "6 4"),
        };
        var callers = ceiling.Concat(submit).Select(m => m.Callers).Distinct().Order().ToList();
        var values = series.SelectMany(s => s.Points.Select(p => p.Milliseconds(s.Percentile))).Where(v => v > 0 && !double.IsNaN(v)).ToList();
        if (callers.Count == 0 || values.Count == 0)
        {
            return "<svg xmlns=\"http://www.w3.org/2000/svg\"/>";
        }
        var (low, high) = (Math.Floor(Math.Log10(values.Min())), Math.Ceiling(Math.Log10(values.Max())));
        high = Math.Max(high, low + 1);
        double X(int c) => left + (callers.Count == 1 ? 0 : callers.IndexOf(c) * (width - left - right) / (double)(callers.Count - 1));
        double Y(double ms) => top + (high - Math.Log10(ms)) * (height - top - bottom) / (high - low);
        var svg = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"13\">");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{width}\" height=\"{height}\" fill=\"white\"/>");
        for (var decade = low; decade <= high; decade++)
        {
            var y = Y(Math.Pow(10, decade));
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{y:F1}\" y2=\"{y:F1}\" stroke=\"#ddd\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 8}\" y=\"{y + 4:F1}\" text-anchor=\"end\">{Math.Pow(10, decade)} ms</text>");
        }
        foreach (var c in callers)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(c):F1}\" y=\"{height - bottom + 20}\" text-anchor=\"middle\">{c}</text>");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{(left + width - right) / 2}\" y=\"{height - 10}\" text-anchor=\"middle\">concurrent callers</text>");
        var legend = top;
        foreach (var (name, points, percentile, colour, dash) in series)
        {
            var line = string.Join(' ', points.Where(p => p.Milliseconds(percentile) > 0)
                .Select(p => string.Create(CultureInfo.InvariantCulture, $"{X(p.Callers):F1},{Y(p.Milliseconds(percentile)):F1}")));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" stroke-dasharray=\"{dash}\" points=\"{line}\"/>")
                .Append(CultureInfo.InvariantCulture, $"<line x1=\"{width - right + 15}\" x2=\"{width - right + 45}\" y1=\"{legend}\" y2=\"{legend}\" stroke=\"{colour}\" stroke-width=\"2\" stroke-dasharray=\"{dash}\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{width - right + 52}\" y=\"{legend + 4}\">{name}</text>");
            legend += 22;
        }
        return svg.Append("</svg>").ToString();
    }
}
