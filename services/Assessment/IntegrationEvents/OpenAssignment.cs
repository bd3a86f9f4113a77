using Hmis.Events.V1;
using HmisPlatform.Assessment.Domain.Assignments;
using HmisPlatform.Assessment.Grpc;
using HmisPlatform.Assessment.Infrastructure;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Assessment.IntegrationEvents;

/// <summary>
/// Completed training puts the person in line for the Sample Client Assignment, and seats them when a seat is free.
/// Read Only access takes no assignment (it goes to step 4 at once); HPCC / State Homeless Prevention access has the
/// step waived, which is published so the journey moves on.
/// </summary>
public sealed class OpenAssignment(AssessmentDbContext db, Seating seating, TimeProvider time) : IEventHandler<TrainingCompleted>
{
    public async Task HandleAsync(TrainingCompleted integrationEvent, CancellationToken cancellationToken)
    {
        if (integrationEvent.ReadOnly)
        {
            return;
        }
        var now = time.GetStoredNow();
        if (integrationEvent.HelpDeskOnly)
        {
            var (eventId, occurredAt) = EventOutbox.Stamp(now);
            db.Publish(new AssessmentWaived
            {
                EventId = eventId, OccurredAt = occurredAt, PersonId = integrationEvent.PersonId,
                AccessRequestId = integrationEvent.AccessRequestId, AgencyId = integrationEvent.AgencyId,
            });
            return;
        }
        var personId = Guid.Parse(integrationEvent.PersonId);
        var accessRequestId = Guid.Parse(integrationEvent.AccessRequestId);
        // Training complete again: after a redo the trainee rejoins the line; anything else already has its assignment.
        if (await db.Assignments.SingleOrDefaultAsync(a => a.PersonId == personId && a.AccessRequestId == accessRequestId, cancellationToken) is { } existing)
        {
            if (existing.Rejoin(now))
            {
                db.Publish(existing.Waitlisting((await seating.PlaceOfAsync(existing, cancellationToken))!.Position, now));
                await seating.FillFreeSeatsAsync(now, cancellationToken);
            }
            return;
        }
        var assignment = SampleClientAssignment.Open(
            Guid.Parse(integrationEvent.PersonId),
            Guid.Parse(integrationEvent.AccessRequestId),
            Guid.Parse(integrationEvent.AgencyId),
            integrationEvent.ProjectTypes,
            now);
        db.Assignments.Add(assignment);
        var place = await seating.PlaceOfAsync(assignment, cancellationToken);
        db.Publish(assignment.Waitlisting(place!.Position, now));
        await seating.FillFreeSeatsAsync(now, cancellationToken);
    }
}
