using Grpc.Core;
using Hmis.Training.V1;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Grpc;
using HmisPlatform.BuildingBlocks.Idempotency;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.Training.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Training.Grpc;

/// <summary>The Training gRPC API.</summary>
public sealed class TrainingService(TrainingDbContext db, IdempotentCommands<TrainingDbContext> commands, TimeProvider time)
    : Hmis.Training.V1.Training.TrainingBase
{
    [Authorize(Policy = PlatformIdentity.TrainingRead)]
    public override async Task<GetLearningPathResponse> GetLearningPath(GetLearningPathRequest request, ServerCallContext context)
    {
        var path = await CurrentPathAsync(Ids.Parse(request.PersonId, "person_id"), context, context.CancellationToken);
        return new GetLearningPathResponse { LearningPath = path.ToMessage() };
    }

    [Authorize(Policy = PlatformIdentity.TrainingProgressWrite)]
    public override Task<RecordCourseProgressResponse> RecordCourseProgress(RecordCourseProgressRequest request, ServerCallContext context) =>
        commands.RunAsync(request.RequestId, request, async ct =>
        {
            var path = await CurrentPathAsync(Ids.Parse(request.PersonId, "person_id"), context, ct);
            var now = time.GetUtcNow();
            if (path.RecordProgress(request.CourseCode, request.Percent, now))
            {
                db.Publish(path.Completion(now));
            }
            await db.SaveChangesAsync(ct);
            return new RecordCourseProgressResponse { LearningPath = path.ToMessage() };
        }, context.CancellationToken);

    private async Task<Domain.LearningPaths.LearningPath> CurrentPathAsync(Guid personId, ServerCallContext context, CancellationToken cancellationToken) =>
        context.Caller().EnsureMayRead(
            await db.LearningPaths.Where(p => p.PersonId == personId).OrderByDescending(p => p.EnrolledAt).FirstOrDefaultAsync(cancellationToken),
            p => p.AgencyId, p => p.PersonId, "LEARNING_PATH");
}
