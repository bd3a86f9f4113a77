namespace HmisPlatform.BuildingBlocks.Messaging;

/// <summary>Tuning of the outbox relay and the event consumers (section <c>Messaging</c>).</summary>
public sealed class MessagingOptions
{
    /// <summary>The consumer group of this service on every stream it reads; also the inbox's consumer name.</summary>
    public string ConsumerGroup { get; set; } = "";

    /// <summary>
    /// Prepended to every stream name. Empty in a deployment; tests give each test class its own prefix so that
    /// services under test in parallel never read each other's events.
    /// </summary>
    public string StreamPrefix { get; set; } = "";

    public string StreamOf(string eventType) => StreamPrefix + eventType;

    /// <summary>How often the relay looks for work when nothing woke it (another replica's rows, a missed signal).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// How often a consumer looks at its stream when no wake-up came (<see cref="StreamWakeUps"/>): a safety net, so
    /// long enough that the idle consumers of every stream cost Redis little.
    /// </summary>
    public TimeSpan IdlePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// Events of one batch a consumer applies at once: events about one subject (a person, a request, an account, an
    /// agency) still apply one after another in stream order; 1 applies the whole batch in order.
    /// </summary>
    public int ConsumerConcurrency { get; set; } = 8;

    /// <summary>How long a delivery stays pending after a failure (or a dead consumer) before it is tried again.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Deliveries after which a failing event goes to the dead-letter table.</summary>
    public int MaxDeliveries { get; set; } = 5;

    /// <summary>Longest wait between tries while Redis or Postgres is unreachable.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a stream keeps an entry that every consumer group has acknowledged (<see cref="HmisPlatform.BuildingBlocks.Messaging.StreamRetention"/>): long
    /// enough to look back at a week's events in Redis; an entry still pending anywhere is kept however old.
    /// </summary>
    public TimeSpan StreamRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often each consumer trims its stream to <see cref="StreamRetention"/>.</summary>
    public TimeSpan TrimInterval { get; set; } = TimeSpan.FromMinutes(10);
}
