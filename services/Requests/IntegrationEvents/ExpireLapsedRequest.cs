using Hmis.Events.V1;
using Hmis.Requests.V1;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.Requests.Domain.Journeys;
using HmisPlatform.Requests.Grpc;
using HmisPlatform.Requests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Requests.IntegrationEvents;

/// <summary>
/// A course expiry shows on the journey. When the whole path lapsed (6 months), the request is over: it expires,
/// its held credits go back by its status event, and the ATA may request again for the person.
/// </summary>
public sealed class ExpireLapsedRequest(RequestsDbContext db, JourneyLog journeys, TimeProvider time) : IEventHandler<TrainingExpired>
{
    public async Task HandleAsync(TrainingExpired integrationEvent, CancellationToken cancellationToken)
    {
        var personId = Guid.Parse(integrationEvent.PersonId);
        var accessRequestId = Guid.Parse(integrationEvent.AccessRequestId);
        var kind = integrationEvent.WholePath ? JourneyStages.TrainingPathExpired : nameof(TrainingExpired);
        await journeys.RecordAsync(new JourneyEntry(personId, accessRequestId, Guid.Parse(integrationEvent.EventId), JourneyStage.Training, kind,
            EventEnvelope.OccurredAt(integrationEvent)), cancellationToken);
        if (!integrationEvent.WholePath)
        {
            return;
        }
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM access_requests WHERE id = {accessRequestId} FOR UPDATE", cancellationToken);
        var request = await db.AccessRequests.SingleAsync(r => r.Id == accessRequestId, cancellationToken);
        var now = time.GetStoredNow();
        if (request.Expire("Introduction or Data Management lapsed before step 4", JourneyRecorder<TrainingExpired>.Platform, now))
        {
            foreach (var change in request.TakeChanges())
            {
                db.AccessRequestAudit.Add(change);
                db.Publish(request.StatusChange(change, now));
            }
        }
    }
}
