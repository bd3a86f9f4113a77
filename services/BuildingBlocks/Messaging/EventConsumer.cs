using System.Diagnostics;
using Google.Protobuf;
using HmisPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace HmisPlatform.BuildingBlocks.Messaging;

/// <summary>
/// Reads one event type's stream as this service's consumer group and applies each event through its handler.
/// The inbox row and the handler's changes commit in one transaction, so a redelivered event changes nothing.
/// A failed delivery stays pending and is claimed again after <see cref="MessagingOptions.RetryDelay"/> (also from
/// a replica that died); after <see cref="MessagingOptions.MaxDeliveries"/> it goes to the dead-letter table.
/// Now and then it trims its stream of what every group has acknowledged (<see cref="StreamRetention"/>).
/// Polling waits in real time; the TimeProvider only stamps rows, so a test's fake clock never stalls delivery.
/// </summary>
public sealed partial class EventConsumer<TDbContext, TEvent>(
    IServiceScopeFactory scopes,
    IConnectionMultiplexer redis,
    OutboxSignal outboxSignal,
    StreamWakeUps wakeUps,
    MessagingMetrics metrics,
    TimeProvider time,
    IOptions<MessagingOptions> options,
    ILogger<EventConsumer<TDbContext, TEvent>> logger) : BackgroundService
    where TDbContext : DbContext
    where TEvent : IMessage<TEvent>, new()
{
    private static readonly MessageParser<TEvent> Parser = new(() => new TEvent());
    private static readonly string EventType = new TEvent().Descriptor.FullName;

    private readonly MessagingOptions _options = options.Value;
    private readonly string _consumerName = $"{options.Value.ConsumerGroup}-{Environment.MachineName}-{Guid.NewGuid():N}";
    private long _nextClaim;
    private long _nextTrim;

    private string Group => _options.ConsumerGroup;

    private string Stream => _options.StreamOf(EventType);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retry = Backoff.Forever(_options, (ex, pause) => LogPollFailed(logger, ex, EventType, pause));
        var groupReady = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = await retry.ExecuteAsync(async ct =>
            {
                if (!groupReady)
                {
                    await EnsureGroupAsync();
                    groupReady = true;
                }
                try
                {
                    return await PollOnceAsync(ct);
                }
                catch (RedisServerException ex) when (ex.Message.StartsWith("NOGROUP", StringComparison.Ordinal))
                {
                    // A Redis that came back without its data has lost the group too: make it again.
                    groupReady = false;
                    throw;
                }
            }, stoppingToken);
            if (handled == 0)
            {
                await wakeUps.WaitAsync(Stream, _options.IdlePollInterval, stoppingToken);
            }
        }
    }

    private async Task EnsureGroupAsync()
    {
        try
        {
            await redis.GetDatabase().StreamCreateConsumerGroupAsync(Stream, Group, "0-0", createStream: true);
        }
        catch (RedisServerException ex) when (ex.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // The group exists: another replica or an earlier run made it.
        }
    }

    /// <summary>Retries stale pending deliveries, then reads new ones; returns how many entries were handled.</summary>
    public async Task<int> PollOnceAsync(CancellationToken cancellationToken)
    {
        var database = redis.GetDatabase();
        var claimed = 0;
        // Deliveries left pending (a failed handler, a dead consumer) become claimable after RetryDelay: looking for
        // them a few times per RetryDelay is enough, not at every wake-up.
        if (Stopwatch.GetTimestamp() >= _nextClaim)
        {
            var stale = await database.StreamAutoClaimAsync(
                Stream, Group, _consumerName, (long)_options.RetryDelay.TotalMilliseconds, "0-0", _options.BatchSize);
            foreach (var entry in stale.ClaimedEntries.Where(e => !e.IsNull))
            {
                await DeliverAsync(database, entry, retry: true, cancellationToken);
            }
            claimed = stale.ClaimedEntries.Length;
            _nextClaim = claimed > 0 ? 0 : Stopwatch.GetTimestamp() + (long)(_options.RetryDelay.TotalSeconds / 4 * Stopwatch.Frequency);
        }
        var fresh = await database.StreamReadGroupAsync(Stream, Group, _consumerName, ">", _options.BatchSize);
        await DeliverBySubjectAsync(database, fresh, cancellationToken);
        if (Stopwatch.GetTimestamp() >= _nextTrim)
        {
            _nextTrim = Stopwatch.GetTimestamp() + (long)(_options.TrimInterval.TotalSeconds * Stopwatch.Frequency);
            // Entry ids are Redis's wall clock, so the retention is measured on the real one, whatever a test clock says.
            await StreamRetention.TrimAsync(database, Stream, _options.StreamRetention, DateTimeOffset.UtcNow);
        }
        return claimed + fresh.Length;
    }

    /// <summary>
    /// Applies a batch a subject at a time in stream order, several subjects at once: one slow handler or database
    /// round trip no longer holds up the events about everyone else.
    /// </summary>
    private async Task DeliverBySubjectAsync(IDatabase database, StreamEntry[] entries, CancellationToken cancellationToken)
    {
        // Each payload is read once: for its subject here, and then applied as read.
        var lanes = entries.Select(entry => (Entry: entry, Event: Readable(entry)))
            .GroupBy(x => x.Event is { } readable ? EventEnvelope.Subject(readable) : $"entry:{x.Entry.Id}")
            .ToList();
        await Parallel.ForEachAsync(lanes, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.ConsumerConcurrency), CancellationToken = cancellationToken },
            async (lane, ct) =>
            {
                foreach (var (entry, integrationEvent) in lane)
                {
                    await DeliverAsync(database, entry, retry: false, ct, integrationEvent);
                }
            });
    }

    /// <summary>The entry's event, or null when its payload is unreadable (delivering it dead-letters it).</summary>
    private static TEvent? Readable(StreamEntry entry)
    {
        try
        {
            return Parser.ParseFrom((byte[]?)entry[StreamFields.Payload] ?? []);
        }
        catch (InvalidProtocolBufferException)
        {
            return default;
        }
    }

    private async Task DeliverAsync(IDatabase database, StreamEntry entry, bool retry, CancellationToken cancellationToken, TEvent? read = default)
    {
        var payload = (byte[]?)entry[StreamFields.Payload] ?? [];
        try
        {
            var integrationEvent = read ?? Parser.ParseFrom(payload);
            await ApplyAsync(integrationEvent, (string?)entry[StreamFields.TraceParent], cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            metrics.HandlerFailed(EventType, Group);
            var deliveries = retry ? await DeliveriesAsync(database, entry.Id) : 1;
            // A database or service briefly away is no fault of the event: it stays pending however often it is
            // tried, and is applied once they are back. Only an event its handler keeps refusing is dead-lettered.
            if (ex is not InvalidProtocolBufferException && (deliveries < _options.MaxDeliveries || TransientFailures.IsTransient(ex)))
            {
                LogHandlerFailed(logger, ex, EventType, entry.Id.ToString(), deliveries);
                return;
            }
            await DeadLetterAsync(entry, payload, ex, deliveries, cancellationToken);
        }
        await database.StreamAcknowledgeAsync(Stream, Group, entry.Id);
    }

    private async Task ApplyAsync(TEvent integrationEvent, string? traceParent, CancellationToken cancellationToken)
    {
        ActivityContext.TryParse(traceParent, null, out var parent);
        using var activity = MessagingMetrics.ActivitySource.StartActivity($"{EventType} process", ActivityKind.Consumer, parent);
        activity?.SetTag("messaging.system", "redis");
        activity?.SetTag("messaging.destination.name", EventType);
        activity?.SetTag("messaging.consumer.group.name", Group);

        var eventId = EventEnvelope.EventId(integrationEvent);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var firstTime = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO inbox (consumer, event_id, processed_at) VALUES ({Group}, {eventId}, {time.GetUtcNow()}) ON CONFLICT DO NOTHING",
            cancellationToken) == 1;
        if (firstTime)
        {
            var handler = scope.ServiceProvider.GetRequiredService<IEventHandler<TEvent>>();
            await handler.HandleAsync(integrationEvent, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        metrics.Consumed(EventType, Group, duplicate: !firstTime);
        if (firstTime)
        {
            metrics.Applied(EventType, Group, time.GetUtcNow() - EventEnvelope.OccurredAt(integrationEvent));
            outboxSignal.Notify();
        }
    }

    private async Task<int> DeliveriesAsync(IDatabase database, RedisValue id)
    {
        var pending = await database.StreamPendingMessagesAsync(Stream, Group, 1, RedisValue.Null, id, id);
        return pending.Length == 0 ? 1 : pending[0].DeliveryCount;
    }

    private async Task DeadLetterAsync(StreamEntry entry, byte[] payload, Exception ex, int deliveries, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        db.Set<DeadLetter>().Add(new DeadLetter(
            Group, EventType, entry.Id.ToString(), payload, $"{ex.GetType().Name}: {ex.Message}", deliveries, time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        metrics.DeadLettered(EventType, Group);
        LogDeadLettered(logger, ex, EventType, entry.Id.ToString(), deliveries);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading {EventType} failed; trying again in {Backoff}")]
    private static partial void LogPollFailed(ILogger logger, Exception exception, string eventType, TimeSpan backoff);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handling {EventType} {StreamMessageId} failed (delivery {Deliveries}); it will be retried")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string eventType, string streamMessageId, int deliveries);

    [LoggerMessage(Level = LogLevel.Error, Message = "{EventType} {StreamMessageId} dead-lettered after {Deliveries} deliveries")]
    private static partial void LogDeadLettered(ILogger logger, Exception exception, string eventType, string streamMessageId, int deliveries);
}
