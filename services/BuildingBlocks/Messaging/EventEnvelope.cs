using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace HmisPlatform.BuildingBlocks.Messaging;

/// <summary>
/// The fields every integration event carries by convention (<c>event_id</c>, <c>occurred_at</c>, and
/// <c>person_id</c> / <c>access_request_id</c> where they apply), read from any event message.
/// </summary>
public static class EventEnvelope
{
    public static Guid EventId(IMessage integrationEvent) => Guid.Parse(Text(integrationEvent, "event_id"));

    public static DateTimeOffset OccurredAt(IMessage integrationEvent) =>
        (Field(integrationEvent, "occurred_at") as Timestamp
            ?? throw new InvalidOperationException($"{integrationEvent.Descriptor.FullName} has no occurred_at set.")).ToDateTimeOffset();

    public static string Text(IMessage integrationEvent, string field) =>
        Field(integrationEvent, field) as string
            ?? throw new InvalidOperationException($"{integrationEvent.Descriptor.FullName} has no text field {field}.");

    private static object? Field(IMessage integrationEvent, string field) =>
        (integrationEvent.Descriptor.FindFieldByName(field)
            ?? throw new InvalidOperationException($"{integrationEvent.Descriptor.FullName} has no field {field}."))
        .Accessor.GetValue(integrationEvent);
}
