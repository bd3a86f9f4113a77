using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace HmisPlatform.Notifications.Tests;

/// <summary>
/// A real SMTP server on loopback (SmtpServer) that keeps what it receives. Addresses at <see cref="RefusedDomain"/>
/// are refused for good (550); <see cref="StopAsync"/> and <see cref="Start"/> make an outage and the recovery.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    public const string RefusedDomain = "refused.example.org";

    private readonly ConcurrentQueue<MimeMessage> _received = new();
    private SmtpServer.SmtpServer? _server;
    private Task? _running;
    private CancellationTokenSource? _stop;

    public TestSmtpServer(int port) => Port = port;

    public int Port { get; }

    public IReadOnlyList<MimeMessage> Received => [.. _received];

    /// <summary>What one address received.</summary>
    public IReadOnlyList<MimeMessage> To(string address) =>
        [.. _received.Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase)))];

    public void Start()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(_received));
        services.Add(new Filter());
        _server = new SmtpServer.SmtpServer(options, services);
        _stop = new CancellationTokenSource();
        _running = _server.StartAsync(_stop.Token);
    }

    public async Task StopAsync()
    {
        if (_server is null)
        {
            return;
        }
        _server.Shutdown();
        await _stop!.CancelAsync();
        try
        {
            await _running!;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
        _server = null;
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private sealed class Store(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }

    private sealed class Filter : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!string.Equals(to.Host, RefusedDomain, StringComparison.OrdinalIgnoreCase));
    }
}
