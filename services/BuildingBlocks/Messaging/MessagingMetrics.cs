using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace HmisPlatform.BuildingBlocks.Messaging;

/// <summary>What operators watch of the event flow: published, consumed, failed, dead-lettered, and the outbox backlog.</summary>
public sealed class MessagingMetrics
{
    public const string MeterName = "HmisPlatform.Messaging";
    public const string ActivitySourceName = "HmisPlatform.Messaging";

    public static readonly ActivitySource ActivitySource = new(ActivitySourceName);

    private readonly Counter<long> _published;
    private readonly Counter<long> _consumed;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _deadLettered;
    private long _backlog;
    private double _oldestUnsentAgeSeconds;

    public MessagingMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _published = meter.CreateCounter<long>("hmis.events.published", description: "Integration events sent from the outbox to Redis.");
        _consumed = meter.CreateCounter<long>("hmis.events.consumed", description: "Integration events taken by a consumer, by outcome (applied, duplicate).");
        _failed = meter.CreateCounter<long>("hmis.events.handler_failures", description: "Deliveries whose handler failed and will be retried.");
        _deadLettered = meter.CreateCounter<long>("hmis.events.dead_lettered", description: "Integration events moved to the dead-letter table.");
        meter.CreateObservableGauge("hmis.outbox.backlog", () => Interlocked.Read(ref _backlog), description: "Outbox rows not yet sent.");
        meter.CreateObservableGauge("hmis.outbox.oldest_unsent_age", () => Volatile.Read(ref _oldestUnsentAgeSeconds), unit: "s", description: "Age of the oldest unsent outbox row.");
    }

    public void Published(string eventType) => _published.Add(1, new KeyValuePair<string, object?>("event.type", eventType));

    public void Consumed(string eventType, string consumer, bool duplicate) => _consumed.Add(1,
        new KeyValuePair<string, object?>("event.type", eventType),
        new KeyValuePair<string, object?>("consumer", consumer),
        new KeyValuePair<string, object?>("outcome", duplicate ? "duplicate" : "applied"));

    public void HandlerFailed(string eventType, string consumer) => _failed.Add(1,
        new KeyValuePair<string, object?>("event.type", eventType),
        new KeyValuePair<string, object?>("consumer", consumer));

    public void DeadLettered(string eventType, string consumer) => _deadLettered.Add(1,
        new KeyValuePair<string, object?>("event.type", eventType),
        new KeyValuePair<string, object?>("consumer", consumer));

    public void Backlog(long count, TimeSpan oldestAge)
    {
        Interlocked.Exchange(ref _backlog, count);
        Volatile.Write(ref _oldestUnsentAgeSeconds, oldestAge.TotalSeconds);
    }
}
