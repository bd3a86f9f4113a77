using Hmis.Events.V1;
using HmisPlatform.Assessment.Contracts;
using HmisPlatform.Assessment.Domain.Trainings;
using HmisPlatform.Assessment.Infrastructure;
using HmisPlatform.BuildingBlocks.Contracts;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Assessment.IntegrationEvents;

/// <summary>
/// Completed training puts the person in line for the Sample Client Assignment when its prerequisites hold, and seats
/// them when a seat is free. Read Only access takes no assignment (it goes to step 4 at once); where the assignment does
/// not apply (Help Desk access, waived at review, no data entry, no scenario for the path) the waiver is published with
/// its reason, so the journey moves on. After a redo of the project course, the trainee rejoins the line.
/// </summary>
public sealed partial class OpenAssignment(AssessmentDbContext db, Enrolment enrolment, Seating seating, TimeProvider time, ILogger<OpenAssignment> logger)
    : IEventHandler<TrainingCompleted>
{
    public async Task HandleAsync(TrainingCompleted integrationEvent, CancellationToken cancellationToken)
    {
        var now = time.GetStoredNow();
        var personId = Guid.Parse(integrationEvent.PersonId);
        var accessRequestId = Guid.Parse(integrationEvent.AccessRequestId);
        var training = await enrolment.RecordAsync(personId, accessRequestId, Guid.Parse(integrationEvent.AgencyId), integrationEvent.ProjectTypes.ToDomain(),
            integrationEvent.ReadOnly, integrationEvent.HelpDeskOnly,
            integrationEvent.Courses.Select(c => new CourseCompletion(c.CourseCode, c.Kind.ToDomain(), c.CompletedAt.ToDateTimeOffset())),
            integrationEvent.OccurredAt.ToDateTimeOffset(), cancellationToken, integrationEvent.AssessmentWaived, integrationEvent.NoDataEntry);
        if (integrationEvent.ReadOnly)
        {
            return;
        }
        if (training.AssignmentWaiver() is { } reason && !await db.Assignments.AnyAsync(a => a.PersonId == personId && a.AccessRequestId == accessRequestId, cancellationToken))
        {
            var (eventId, occurredAt) = EventOutbox.Stamp(now);
            db.Publish(new AssessmentWaived
            {
                EventId = eventId, OccurredAt = occurredAt, PersonId = integrationEvent.PersonId,
                AccessRequestId = integrationEvent.AccessRequestId, AgencyId = integrationEvent.AgencyId, Reason = reason,
            });
            return;
        }
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
        if (!await enrolment.PrerequisitesMetAsync(training, now, cancellationToken))
        {
            // Kept, not lost: JoinWaitlist tells the trainee and their ATA which course is missing or too old.
            LogPrerequisitesNotMet(logger, accessRequestId);
            return;
        }
        await enrolment.JoinAsync(personId, accessRequestId, now, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Completed training for access request {AccessRequestId} does not meet the assignment's prerequisites; no assignment opened")]
    private static partial void LogPrerequisitesNotMet(ILogger logger, Guid accessRequestId);
}
