using Hmis.Events.V1;
using HmisPlatform.Assessment.Domain.Assignments;
using HmisPlatform.Assessment.Grpc;
using HmisPlatform.Assessment.Infrastructure;
using HmisPlatform.BuildingBlocks.Messaging;

namespace HmisPlatform.Assessment.IntegrationEvents;

/// <summary>
/// Completed training opens the person's Sample Client Assignment. Read Only access and HPCC / State Homeless
/// Prevention access take no assignment: the first goes to step 4 at once, the second through the Help Desk.
/// </summary>
public sealed class OpenAssignment(AssessmentDbContext db, TimeProvider time) : IEventHandler<TrainingCompleted>
{
    public Task HandleAsync(TrainingCompleted integrationEvent, CancellationToken cancellationToken)
    {
        if (integrationEvent.ReadOnly || integrationEvent.HelpDeskOnly)
        {
            return Task.CompletedTask;
        }
        var now = time.GetUtcNow();
        var assignment = SampleClientAssignment.Open(
            Guid.Parse(integrationEvent.PersonId),
            Guid.Parse(integrationEvent.AccessRequestId),
            Guid.Parse(integrationEvent.AgencyId),
            integrationEvent.ProjectTypes,
            now);
        db.Assignments.Add(assignment);
        db.Publish(assignment.Scheduling(now));
        return Task.CompletedTask;
    }
}
