using Google.Protobuf;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.Requests.Domain.Journeys;
using HmisPlatform.Requests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Requests.IntegrationEvents;

/// <summary>
/// Records a stage event of another service into the person's journey. Every stage event carries event_id,
/// occurred_at, person_id and access_request_id; the entry keeps the event's own time, so order of arrival does not matter.
/// </summary>
public sealed class JourneyRecorder<TEvent>(RequestsDbContext db, JourneyLog journeys, TimeProvider time) : IEventHandler<TEvent>
    where TEvent : IMessage<TEvent>
{
    public async Task HandleAsync(TEvent integrationEvent, CancellationToken cancellationToken)
    {
        var personId = Guid.Parse(EventEnvelope.Text(integrationEvent, "person_id"));
        var accessRequestId = Guid.Parse(EventEnvelope.Text(integrationEvent, "access_request_id"));
        var kind = integrationEvent.Descriptor.Name;
        if (accessRequestId == Guid.Empty)
        {
            // An account held from before go-live (the import's): it came by no request, so there is no journey to add to.
            return;
        }

        await journeys.RecordAsync(new JourneyEntry(personId, accessRequestId, EventEnvelope.EventId(integrationEvent),
            JourneyStages.Of(kind), kind, EventEnvelope.OccurredAt(integrationEvent)), cancellationToken);
        if (JourneyStages.Finishing.Contains(kind))
        {
            await CompleteRequestAsync(accessRequestId, cancellationToken);
        }
    }

    private async Task CompleteRequestAsync(Guid accessRequestId, CancellationToken cancellationToken)
    {
        var request = await db.AccessRequests.SingleAsync(r => r.Id == accessRequestId, cancellationToken);
        if (request.CompleteIfAllIssued(await journeys.PeopleWithCredentialsAsync(accessRequestId, cancellationToken), Caller.Service(ResourceNames.RequestsApi), time.GetUtcNow()))
        {
            db.AccessRequestAudit.AddRange(request.TakeChanges());
        }
    }
}
