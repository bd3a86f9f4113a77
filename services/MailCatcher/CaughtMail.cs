using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace HmisPlatform.MailCatcher;

/// <summary>Where the catcher listens (configuration <c>MailCatcher</c>).</summary>
public sealed class MailCatcherOptions
{
    /// <summary>The SMTP port.</summary>
    public int SmtpPort { get; set; } = 2525;

    /// <summary>
    /// The address SMTP listens on: loopback unless told otherwise, as in a container, where the Notifications
    /// replicas reach the catcher by its Service's name (deploy/kubernetes/podman-test).
    /// </summary>
    public string SmtpAddress { get; set; } = IPAddress.Loopback.ToString();

    /// <summary>How many messages are kept; the oldest go first.</summary>
    public int Keep { get; set; } = 1000;
}

/// <summary>One message as caught.</summary>
public sealed record CaughtMessage(Guid Id, DateTimeOffset ReceivedAt, string From, IReadOnlyList<string> To, string Subject, string Text, string Html);

/// <summary>The messages caught so far, newest last, at most <see cref="MailCatcherOptions.Keep"/>.</summary>
public sealed class CaughtMail(IOptions<MailCatcherOptions> options, TimeProvider time)
{
    private readonly ConcurrentQueue<CaughtMessage> _messages = new();

    public IReadOnlyList<CaughtMessage> All => [.. _messages];

    /// <summary>Keeps a message with its envelope's recipients (also those only in Bcc).</summary>
    public void Add(MimeMessage message, IReadOnlyList<string> recipients)
    {
        _messages.Enqueue(new CaughtMessage(Guid.CreateVersion7(), time.GetUtcNow(), message.From.ToString(),
            recipients, message.Subject ?? "", message.TextBody ?? "", message.HtmlBody ?? ""));
        while (_messages.Count > options.Value.Keep && _messages.TryDequeue(out _))
        {
        }
    }

    public void Clear() => _messages.Clear();
}

/// <summary>The SMTP server: accepts every message on its address (loopback by default) and keeps it.</summary>
public sealed class SmtpListener(CaughtMail mail, IOptions<MailCatcherOptions> options) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var smtp = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Parse(options.Value.SmtpAddress), options.Value.SmtpPort))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(mail));
        return new SmtpServer.SmtpServer(smtp, services).StartAsync(stoppingToken);
    }

    private sealed class Store(CaughtMail mail) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            mail.Add(await MimeMessage.LoadAsync(stream, cancellationToken), [.. transaction.To.Select(m => $"{m.User}@{m.Host}")]);
            return SmtpResponse.Ok;
        }
    }
}
