namespace HmisPlatform.BuildingBlocks.Messaging;

/// <summary>An event a consumer group has applied; its key makes a second delivery a no-op.</summary>
public sealed class InboxEntry
{
    public string Consumer { get; private set; } = "";

    public Guid EventId { get; private set; }

    public DateTimeOffset ProcessedAt { get; private set; }

    public InboxEntry(string consumer, Guid eventId, DateTimeOffset processedAt)
    {
        Consumer = consumer;
        EventId = eventId;
        ProcessedAt = processedAt;
    }

    private InboxEntry()
    {
    }
}
