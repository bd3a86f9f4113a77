using Hmis.Events.V1;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.Requests.Contracts;
using HmisPlatform.Requests.Domain.AccessRequests;
using HmisPlatform.Requests.Domain.Journeys;
using HmisPlatform.Requests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Requests.IntegrationEvents;

/// <summary>
/// Lapses show on the journey. When the person's way to step 4 is over (training older than 6 months, or the
/// assignment expired after 10 days or 3 failed attempts), the request expires: its held credits go back by its
/// status event, and the ATA may request again for the person.
/// </summary>
public sealed class ExpireLapsedRequest(RequestsDbContext db, JourneyLog journeys, TimeProvider time)
    : IEventHandler<TrainingExpired>, IEventHandler<AssessmentExpired>
{
    public Task HandleAsync(TrainingExpired integrationEvent, CancellationToken cancellationToken) =>
        LapseAsync(integrationEvent.PersonId, integrationEvent.AccessRequestId, integrationEvent.EventId, EventEnvelope.OccurredAt(integrationEvent),
            JourneyStage.Training, integrationEvent.WholePath ? JourneyStages.TrainingPathExpired : nameof(TrainingExpired),
            integrationEvent.WholePath ? "Introduction or Data Management lapsed before step 4" : null, cancellationToken);

    public Task HandleAsync(AssessmentExpired integrationEvent, CancellationToken cancellationToken) =>
        LapseAsync(integrationEvent.PersonId, integrationEvent.AccessRequestId, integrationEvent.EventId, EventEnvelope.OccurredAt(integrationEvent),
            JourneyStage.Assessment, nameof(AssessmentExpired), $"Sample Client Assignment expired ({integrationEvent.Reason})", cancellationToken);

    /// <param name="expiry">Why the request is over, or null when only a course lapsed and the path goes on.</param>
    private async Task LapseAsync(string person, string accessRequest, string eventId, DateTimeOffset occurredAt, JourneyStage stage, string kind,
        string? expiry, CancellationToken cancellationToken)
    {
        var accessRequestId = Guid.Parse(accessRequest);
        await journeys.RecordAsync(new JourneyEntry(Guid.Parse(person), accessRequestId, Guid.Parse(eventId), stage, kind, occurredAt), cancellationToken);
        if (expiry is null)
        {
            return;
        }
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM access_requests WHERE id = {accessRequestId} FOR UPDATE", cancellationToken);
        var request = await db.AccessRequests.SingleAsync(r => r.Id == accessRequestId, cancellationToken);
        var issued = await journeys.PeopleWithCredentialsAsync(accessRequestId, cancellationToken);
        var now = time.GetStoredNow();
        var personId = Guid.Parse(person);
        if (request.Lapse(personId, expiry, issued, Caller.Service(ResourceNames.RequestsApi), now))
        {
            foreach (var change in request.TakeChanges())
            {
                db.AccessRequestAudit.Add(change);
                // The lapsed person's held credit goes back now; a request that closes gives back what is left.
                db.Publish(change.Action == RequestActions.PersonLapsed ? request.PersonLapse(change, personId, now) : request.StatusChange(change, now));
            }
        }
    }
}
