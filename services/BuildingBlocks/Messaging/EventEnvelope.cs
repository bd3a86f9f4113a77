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

    /// <summary>
    /// The fields that name what an event is about, the widest first: events about one request apply in order whoever
    /// they name (closing a request waits on all its people), then events about one person, account or agency.
    /// </summary>
    private static readonly string[] SubjectFields = ["access_request_id", "person_id", "account_id", "agency_id"];

    /// <summary>
    /// What the event is about (its request, else its person, account or agency), for applying events about one
    /// subject in stream order while events about others apply alongside; an event about none is its own.
    /// </summary>
    public static string Subject(IMessage integrationEvent)
    {
        foreach (var name in SubjectFields)
        {
            if (integrationEvent.Descriptor.FindFieldByName(name)?.Accessor.GetValue(integrationEvent) is string { Length: > 0 } value)
            {
                return $"{name}:{value}";
            }
        }
        return $"event_id:{Text(integrationEvent, "event_id")}";
    }

    public static string Text(IMessage integrationEvent, string field) =>
        Field(integrationEvent, field) as string
            ?? throw new InvalidOperationException($"{integrationEvent.Descriptor.FullName} has no text field {field}.");

    private static object? Field(IMessage integrationEvent, string field) =>
        (integrationEvent.Descriptor.FindFieldByName(field)
            ?? throw new InvalidOperationException($"{integrationEvent.Descriptor.FullName} has no field {field}."))
        .Accessor.GetValue(integrationEvent);
}
