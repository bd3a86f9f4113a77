namespace HmisPlatform.BuildingBlocks.Messaging;

/// <summary>An event a consumer could not apply after its retries; kept for people to look at, never dropped.</summary>
public sealed class DeadLetter
{
    public long Id { get; private set; }

    public string Consumer { get; private set; } = "";

    public string EventType { get; private set; } = "";

    public string StreamMessageId { get; private set; } = "";

    public byte[] Payload { get; private set; } = [];

    /// <summary>The exception type and message; never the payload's content.</summary>
    public string Error { get; private set; } = "";

    public int Deliveries { get; private set; }

    public DateTimeOffset DeadLetteredAt { get; private set; }

    public DeadLetter(string consumer, string eventType, string streamMessageId, byte[] payload, string error, int deliveries, DateTimeOffset at)
    {
        Consumer = consumer;
        EventType = eventType;
        StreamMessageId = streamMessageId;
        Payload = payload;
        Error = error;
        Deliveries = deliveries;
        DeadLetteredAt = at;
    }

    private DeadLetter()
    {
    }
}
