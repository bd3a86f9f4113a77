using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace HmisPlatform.BuildingBlocks.Messaging;

/// <summary>
/// Sends unsent outbox rows to their Redis streams, oldest first, and marks them sent in the same transaction
/// that locked them. A row stays unsent until Redis accepted it, however long Redis is away; rows are locked with
/// SKIP LOCKED so several replicas share the work. A crash between XADD and commit sends a row twice, which the
/// consumers' inbox absorbs.
/// Polling waits in real time; the TimeProvider only stamps rows, so a test's fake clock never stalls delivery.
/// </summary>
public sealed partial class OutboxRelay<TDbContext>(
    IServiceScopeFactory scopes,
    IConnectionMultiplexer redis,
    OutboxSignal signal,
    MessagingMetrics metrics,
    TimeProvider time,
    IOptions<MessagingOptions> options,
    ILogger<OutboxRelay<TDbContext>> logger) : BackgroundService
    where TDbContext : DbContext
{
    private readonly MessagingOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retry = Backoff.Forever(_options, (ex, pause) => LogRelayFailed(logger, ex, pause));
        while (!stoppingToken.IsCancellationRequested)
        {
            var sent = await retry.ExecuteAsync(async ct => await PublishBatchAsync(ct), stoppingToken);
            if (sent < _options.BatchSize)
            {
                await signal.WaitAsync(_options.PollInterval, stoppingToken);
            }
        }
    }

    /// <summary>Sends one batch; returns how many rows were sent.</summary>
    public async Task<int> PublishBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var batch = await db.Set<OutboxMessage>()
            .FromSql($"SELECT * FROM outbox_messages WHERE sent_at IS NULL ORDER BY id LIMIT {_options.BatchSize} FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken);
        var database = redis.GetDatabase();
        foreach (var message in batch)
        {
            // The publish joins the trace of the change that wrote the row, and consumers continue from it.
            ActivityContext.TryParse(message.TraceParent, null, out var origin);
            using var activity = MessagingMetrics.ActivitySource.StartActivity($"{message.EventType} publish", ActivityKind.Producer, origin);
            activity?.SetTag("messaging.system", "redis");
            activity?.SetTag("messaging.destination.name", message.EventType);
            activity?.SetTag("messaging.message.id", message.EventId.ToString());
            await database.StreamAddAsync(_options.StreamOf(message.EventType),
            [
                new NameValueEntry(StreamFields.EventId, message.EventId.ToString()),
                new NameValueEntry(StreamFields.Payload, message.Payload),
                new NameValueEntry(StreamFields.TraceParent, activity?.Id ?? message.TraceParent ?? string.Empty),
            ]);
            message.SentAt = time.GetUtcNow();
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        StreamWakeUps.Announce(database, batch.Select(m => _options.StreamOf(m.EventType)));
        foreach (var message in batch)
        {
            metrics.Published(message.EventType);
        }
        await ReportBacklogAsync(db, cancellationToken);
        return batch.Count;
    }

    /// <summary>One query a poll, over the partial index of unsent rows.</summary>
    private async Task ReportBacklogAsync(TDbContext db, CancellationToken cancellationToken)
    {
        var backlog = await db.Set<OutboxMessage>()
            .Where(m => m.SentAt == null)
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.LongCount(), Oldest = g.Min(m => m.OccurredAt) })
            .SingleOrDefaultAsync(cancellationToken);
        metrics.Backlog(backlog?.Count ?? 0, backlog is null ? TimeSpan.Zero : time.GetUtcNow() - backlog.Oldest);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay could not send; trying again in {Backoff}")]
    private static partial void LogRelayFailed(ILogger logger, Exception exception, TimeSpan backoff);
}
