using Hmis.Events.V1;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.Training.Grpc;
using HmisPlatform.Training.Infrastructure;
using LearningPath = HmisPlatform.Training.Domain.LearningPaths.LearningPath;

namespace HmisPlatform.Training.IntegrationEvents;

/// <summary>An approved request puts each person on the learning path of the access approved.</summary>
public sealed class EnrolLearningPath(TrainingDbContext db, TimeProvider time) : IEventHandler<AccessRequestApproved>
{
    public Task HandleAsync(AccessRequestApproved integrationEvent, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var path = LearningPath.Enrol(
            Guid.Parse(integrationEvent.Applicant.PersonId),
            Guid.Parse(integrationEvent.AccessRequestId),
            Guid.Parse(integrationEvent.AgencyId),
            integrationEvent.Access.Responsibilities,
            integrationEvent.Access.ProjectTypes,
            now);
        db.LearningPaths.Add(path);
        db.Publish(path.Enrolment(now));
        return Task.CompletedTask;
    }
}
