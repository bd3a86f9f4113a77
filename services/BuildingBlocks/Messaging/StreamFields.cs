namespace HmisPlatform.BuildingBlocks.Messaging;

/// <summary>The fields of a stream entry.</summary>
public static class StreamFields
{
    public const string EventId = "event_id";
    public const string Payload = "payload";
    public const string TraceParent = "traceparent";
}
