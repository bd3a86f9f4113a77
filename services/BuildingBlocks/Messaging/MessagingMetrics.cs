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
    private readonly Histogram<double> _hop;
    private long _backlog;
    private double _oldestUnsentAgeSeconds;

    public MessagingMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _published = meter.CreateCounter<long>("hmis.events.published", description: "Integration events sent from the outbox to Redis.");
        _consumed = meter.CreateCounter<long>("hmis.events.consumed", description: "Integration events taken by a consumer, by outcome (applied, duplicate).");
        _failed = meter.CreateCounter<long>("hmis.events.handler_failures", description: "Deliveries whose handler failed and will be retried.");
        _deadLettered = meter.CreateCounter<long>("hmis.events.dead_lettered", description: "Integration events moved to the dead-letter table.");
        _hop = meter.CreateHistogram("hmis.events.hop_duration", unit: "s",
            description: "From an event's commit (the time its command took) to the end of the transaction that applied it, per consumer.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = HopBuckets });
        meter.CreateObservableGauge("hmis.outbox.backlog", () => Interlocked.Read(ref _backlog), description: "Outbox rows not yet sent.");
        meter.CreateObservableGauge("hmis.outbox.oldest_unsent_age", () => Volatile.Read(ref _oldestUnsentAgeSeconds), unit: "s", description: "Age of the oldest unsent outbox row.");
    }

    public void Published(string eventType) => _published.Add(1, new KeyValuePair<string, object?>("event.type", eventType));

    public void Consumed(string eventType, string consumer, bool duplicate) => _consumed.Add(1,
        new KeyValuePair<string, object?>("event.type", eventType),
        new KeyValuePair<string, object?>("consumer", consumer),
        new KeyValuePair<string, object?>("outcome", duplicate ? "duplicate" : "applied"));

    /// <summary>Bounds fine enough to read a p99 of tens of milliseconds from (seconds).</summary>
    public static readonly IReadOnlyList<double> HopBuckets =
        [0.001, 0.002, 0.003, 0.005, 0.0075, 0.01, 0.015, 0.02, 0.03, 0.04, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.5, 0.75, 1, 2, 5, 10, 30, 60];

    /// <summary>An event applied the first time, <paramref name="hop"/> after it was committed.</summary>
    public void Applied(string eventType, string consumer, TimeSpan hop) => _hop.Record(Math.Max(0, hop.TotalSeconds),
        new KeyValuePair<string, object?>("event.type", eventType),
        new KeyValuePair<string, object?>("consumer", consumer));

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
