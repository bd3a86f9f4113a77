using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using Fluid;
using HmisPlatform.Notifications.Domain;

namespace HmisPlatform.Notifications.Infrastructure;

/// <summary>
/// The message templates, kept as files under <c>Templates/</c> and rendered with Fluid (Liquid): for each kind a
/// text template whose first line is <c>Subject: …</c>, and an HTML template whose values are HTML-encoded.
/// </summary>
public sealed class Templates
{
    private static readonly FluidParser Parser = new();
    private readonly string _folder;
    private readonly ConcurrentDictionary<string, IFluidTemplate> _parsed = new(StringComparer.Ordinal);

    public Templates(IHostEnvironment environment) : this(Path.Combine(environment.ContentRootPath, "Templates"))
    {
    }

    public Templates(string folder) => _folder = folder;

    public async Task<RenderedMessage> RenderAsync(string kind, IReadOnlyDictionary<string, object?> model)
    {
        var context = new TemplateContext(new TemplateOptions());
        foreach (var (name, value) in model)
        {
            context.SetValue(name, value);
        }
        var text = (await Template($"{kind.ToLowerInvariant()}.txt.liquid").RenderAsync(context, NullEncoder.Default)).Replace("\r\n", "\n", StringComparison.Ordinal);
        var html = await Template($"{kind.ToLowerInvariant()}.html.liquid").RenderAsync(context, HtmlEncoder.Default);
        var firstLine = text.IndexOf('\n', StringComparison.Ordinal);
        var subjectLine = firstLine < 0 ? text : text[..firstLine];
        if (!subjectLine.StartsWith("Subject: ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The text template of {kind} must start with a Subject: line.");
        }
        return new RenderedMessage(subjectLine["Subject: ".Length..].Trim(), text[(firstLine + 1)..].Trim() + "\n", html);
    }

    private IFluidTemplate Template(string file) => _parsed.GetOrAdd(file, name =>
    {
        var source = File.ReadAllText(Path.Combine(_folder, name));
        return Parser.TryParse(source, out var template, out var error)
            ? template
            : throw new InvalidOperationException($"Template {name} does not parse: {error}");
    });
}
