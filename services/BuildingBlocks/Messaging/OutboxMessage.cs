namespace HmisPlatform.BuildingBlocks.Messaging;

/// <summary>An integration event written in the same transaction as the change that raised it, until the relay sends it.</summary>
public sealed class OutboxMessage
{
    public long Id { get; private set; }

    public Guid EventId { get; private set; }

    /// <summary>Full protobuf name of the event, which is also the name of its stream.</summary>
    public string EventType { get; private set; } = "";

    public byte[] Payload { get; private set; } = [];

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>W3C trace context of the change, so consumers continue the same trace.</summary>
    public string? TraceParent { get; private set; }

    public DateTimeOffset? SentAt { get; set; }

    public OutboxMessage(Guid eventId, string eventType, byte[] payload, DateTimeOffset occurredAt, string? traceParent)
    {
        EventId = eventId;
        EventType = eventType;
        Payload = payload;
        OccurredAt = occurredAt;
        TraceParent = traceParent;
    }

    private OutboxMessage()
    {
    }
}
