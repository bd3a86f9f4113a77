using System.Diagnostics;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.BuildingBlocks.Messaging;

/// <summary>Writing integration events into the outbox of the current unit of work.</summary>
public static class EventOutbox
{
    /// <summary>The Redis stream an event type is published on: its full protobuf name.</summary>
    public static string StreamOf(Google.Protobuf.Reflection.MessageDescriptor descriptor) => descriptor.FullName;

    /// <summary>
    /// Adds the event to the outbox; it is saved with the caller's next SaveChanges, in the caller's transaction.
    /// Every event message carries <c>event_id</c> and <c>occurred_at</c>; those are what the outbox row records.
    /// </summary>
    public static void Publish(this DbContext db, IMessage integrationEvent)
    {
        db.Set<OutboxMessage>().Add(new OutboxMessage(
            EventEnvelope.EventId(integrationEvent), StreamOf(integrationEvent.Descriptor), integrationEvent.ToByteArray(),
            EventEnvelope.OccurredAt(integrationEvent), Activity.Current?.Id));
    }

    /// <summary>A new event id and timestamp pair, for building events.</summary>
    public static (string EventId, Timestamp OccurredAt) Stamp(DateTimeOffset now) =>
        (Guid.CreateVersion7(now).ToString(), Timestamp.FromDateTimeOffset(now));
}
