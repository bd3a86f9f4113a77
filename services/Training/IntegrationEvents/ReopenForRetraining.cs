using Hmis.Events.V1;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.Training.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Training.IntegrationEvents;

/// <summary>The assignment sent the trainee back: their project course(s) open again on the same path.</summary>
public sealed class ReopenForRetraining(TrainingDbContext db, TimeProvider time) : IEventHandler<AssessmentRetrainingRequired>
{
    public async Task HandleAsync(AssessmentRetrainingRequired integrationEvent, CancellationToken cancellationToken)
    {
        var personId = Guid.Parse(integrationEvent.PersonId);
        var accessRequestId = Guid.Parse(integrationEvent.AccessRequestId);
        var path = await db.LearningPaths.SingleOrDefaultAsync(p => p.PersonId == personId && p.AccessRequestId == accessRequestId, cancellationToken);
        path?.ReopenProjectCourses(time.GetStoredNow());
    }
}
