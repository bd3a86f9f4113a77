using System.Net;
using System.Text;
using HmisPlatform.MailCatcher;

// The mail catcher of local runs: every e-mail the platform sends lands here, on a page and as JSON, never in a real inbox.
var builder = WebApplication.CreateBuilder(args);
// Outside local runs and tests e-mail goes to a real mail server: a mail catcher there would swallow people's links.
if (!builder.Environment.IsDevelopment() && !builder.Environment.IsEnvironment("Testing"))
{
    Console.Error.WriteLine($"The mail catcher runs in Development only, not in {builder.Environment.EnvironmentName}: send e-mail to a real mail server (Smtp:Host).");
    return 1;
}
builder.AddServiceDefaults();
builder.Services.Configure<MailCatcherOptions>(builder.Configuration.GetSection("MailCatcher"));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<CaughtMail>();
builder.Services.AddHostedService<SmtpListener>();

var app = builder.Build();
app.MapHealthChecks(HmisPlatform.ResourceNames.HealthPath);
// ?to= keeps the messages to one address.
app.MapGet("/messages", (CaughtMail mail, string? to) =>
    to is null ? mail.All : [.. mail.All.Where(m => m.To.Contains(to, StringComparer.OrdinalIgnoreCase))]);
app.MapDelete("/messages", (CaughtMail mail) =>
{
    mail.Clear();
    return Results.NoContent();
});
app.MapGet("/", (CaughtMail mail) =>
{
    var page = new StringBuilder("""
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Mail catcher – HmisPlatform</title>
        <style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
        details{border:1px solid #ccc;border-radius:4px;margin:.5rem 0;padding:.5rem}summary{cursor:pointer}pre{white-space:pre-wrap}</style>
        </head><body><h1>Mail catcher</h1><p>Every e-mail the platform sent in this run, newest first. JSON: <a href="/messages">/messages</a> (one address's: /messages?to=).</p>
        """);
    var messages = mail.All.Reverse().ToList();
    if (messages.Count == 0)
    {
        page.Append("<p>No e-mail yet.</p>");
    }
    foreach (var m in messages)
    {
        page.Append("<details><summary>").Append(WebUtility.HtmlEncode($"{m.ReceivedAt:yyyy-MM-dd HH:mm:ss} UTC to {string.Join(", ", m.To)}: {m.Subject}"))
            .Append("</summary><pre>").Append(WebUtility.HtmlEncode(m.Text)).Append("</pre></details>");
    }
    return Results.Content(page.Append("</body></html>").ToString(), "text/html; charset=utf-8");
});
app.Run();
return 0;
