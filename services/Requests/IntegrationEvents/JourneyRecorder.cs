using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.Requests.Domain.Journeys;
using HmisPlatform.Requests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Requests.IntegrationEvents;

/// <summary>
/// Records a stage event of another service into the person's journey. Every stage event carries event_id,
/// occurred_at, person_id and access_request_id; the entry keeps the event's own time, so order of arrival does not matter.
/// </summary>
public sealed class JourneyRecorder<TEvent>(RequestsDbContext db, TimeProvider time) : IEventHandler<TEvent>
    where TEvent : IMessage<TEvent>
{
    public async Task HandleAsync(TEvent integrationEvent, CancellationToken cancellationToken)
    {
        var descriptor = integrationEvent.Descriptor;
        string Text(string field) => (string)descriptor.FindFieldByName(field).Accessor.GetValue(integrationEvent);
        var personId = Guid.Parse(Text("person_id"));
        var accessRequestId = Guid.Parse(Text("access_request_id"));
        var occurredAt = ((Timestamp)descriptor.FindFieldByName("occurred_at").Accessor.GetValue(integrationEvent)).ToDateTimeOffset();
        var kind = descriptor.Name;

        db.JourneyEntries.Add(new JourneyEntry(personId, accessRequestId, Guid.Parse(Text("event_id")), JourneyStages.Of(kind), kind, occurredAt));
        if (kind == JourneyStages.CredentialsIssued)
        {
            await CompleteRequestAsync(accessRequestId, personId, cancellationToken);
        }
    }

    private async Task CompleteRequestAsync(Guid accessRequestId, Guid personId, CancellationToken cancellationToken)
    {
        var request = await db.AccessRequests.SingleAsync(r => r.Id == accessRequestId, cancellationToken);
        var issued = await db.JourneyEntries
            .Where(e => e.AccessRequestId == accessRequestId && e.Kind == JourneyStages.CredentialsIssued)
            .Select(e => e.PersonId)
            .ToListAsync(cancellationToken);
        request.CompleteIfAllIssued(issued.Append(personId).ToHashSet(), time.GetUtcNow());
    }
}
