using Hmis.Events.V1;
using HmisPlatform.Assessment.Domain.Assignments;
using HmisPlatform.Assessment.Grpc;
using HmisPlatform.Assessment.Infrastructure;
using HmisPlatform.BuildingBlocks.Messaging;

namespace HmisPlatform.Assessment.IntegrationEvents;

/// <summary>Completed training opens the person's Sample Client Assignment.</summary>
public sealed class OpenAssignment(AssessmentDbContext db, TimeProvider time) : IEventHandler<TrainingCompleted>
{
    public Task HandleAsync(TrainingCompleted integrationEvent, CancellationToken cancellationToken)
    {
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
