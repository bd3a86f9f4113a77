using Grpc.Core;
using Hmis.Training.V1;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Grpc;
using HmisPlatform.BuildingBlocks.Idempotency;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.Training.Infrastructure;
using HmisPlatform.Training.IntegrationEvents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Training.Grpc;

/// <summary>The Training gRPC API.</summary>
public sealed partial class TrainingService(TrainingDbContext db, IdempotentCommands<TrainingDbContext> commands, LmsAccountRegistry lmsAccounts, TimeProvider time)
    : Hmis.Training.V1.Training.TrainingBase
{
    public const string CourseNotFoundReason = "COURSE_NOT_FOUND";

    [Authorize(Policy = PlatformIdentity.TrainingRead)]
    public override async Task<GetLearningPathResponse> GetLearningPath(GetLearningPathRequest request, ServerCallContext context)
    {
        var path = await CurrentPathAsync(Ids.Parse(request.PersonId, "person_id"), context, context.CancellationToken);
        return new GetLearningPathResponse { LearningPath = path.ToMessage(await db.CatalogAsync(context.CancellationToken)) };
    }

    [Authorize(Policy = PlatformIdentity.TrainingProgressWrite)]
    public override Task<RecordCourseProgressResponse> RecordCourseProgress(RecordCourseProgressRequest request, ServerCallContext context) =>
        commands.RunAsync(request.RequestId, request, async ct =>
        {
            var path = await CurrentPathAsync(Ids.Parse(request.PersonId, "person_id"), context, ct);
            var catalog = await db.CatalogAsync(ct);
            var now = time.GetStoredNow();
            var reportedAt = request.ReportedAt is { } at ? StoredTime.Truncate(at.ToDateTimeOffset()) : now;
            var validity = catalog.TryGetValue(request.CourseCode, out var course) ? course.ValidityMonths : 0;
            if (path.RecordProgress(request.CourseCode, request.Percent, reportedAt, validity, await lmsAccounts.EmailOkAsync(path.PersonId, ct),
                context.Caller(), request.Source, now))
            {
                db.Publish(path.Completion(now));
            }
            await db.SaveChangesAsync(ct);
            return new RecordCourseProgressResponse { LearningPath = path.ToMessage(catalog) };
        }, context.CancellationToken);

    [Authorize(Policy = PlatformIdentity.TrainingProgressWrite)]
    public override Task<TailorLearningPathResponse> TailorLearningPath(TailorLearningPathRequest request, ServerCallContext context) =>
        commands.RunAsync(request.RequestId, request, async ct =>
        {
            var path = await CurrentPathAsync(Ids.Parse(request.PersonId, "person_id"), context, ct);
            var now = time.GetStoredNow();
            if (path.Tailor(request.AddCourses, request.OmitCourses, request.Reason, context.Caller(), await lmsAccounts.EmailOkAsync(path.PersonId, ct), now))
            {
                db.Publish(path.Completion(now));
            }
            await db.SaveChangesAsync(ct);
            return new TailorLearningPathResponse { LearningPath = path.ToMessage(await db.CatalogAsync(ct)) };
        }, context.CancellationToken);

    [Authorize(Policy = PlatformIdentity.TrainingRead)]
    public override async Task<ListCoursesResponse> ListCourses(ListCoursesRequest request, ServerCallContext context) =>
        new() { Courses = { (await db.CatalogAsync(context.CancellationToken)).Values.OrderBy(c => c.Code, StringComparer.Ordinal).Select(c => c.ToMessage()) } };

    [Authorize(Policy = PlatformIdentity.TrainingProgressWrite)]
    public override Task<UpdateCourseResponse> UpdateCourse(UpdateCourseRequest request, ServerCallContext context) =>
        commands.RunAsync(request.RequestId, request, async ct =>
        {
            context.Caller().EnsureHmisTeam("keeps the course catalog");
            var course = await db.Courses.SingleOrDefaultAsync(c => c.Code == request.CourseCode, ct)
                ?? throw DomainException.NotFound(CourseNotFoundReason, "No such course.");
            course.Revise(request.Title, request.ValidityMonths);
            await db.SaveChangesAsync(ct);
            return new UpdateCourseResponse { Course = course.ToMessage() };
        }, context.CancellationToken);

    /// <summary>
    /// The person's latest path as the caller may see it: the LMS serves every agency's learners, so it finds any path
    /// as the HMIS team does; the CE team, the paths with its role training; anyone else their agency's (a trainee only
    /// their own).
    /// </summary>
    private async Task<Domain.LearningPaths.LearningPath> CurrentPathAsync(Guid personId, ServerCallContext context, CancellationToken cancellationToken)
    {
        var caller = context.Caller();
        var path = await db.LearningPaths.Where(p => p.PersonId == personId).OrderByDescending(p => p.EnrolledAt).FirstOrDefaultAsync(cancellationToken);
        if (caller.IsLms)
        {
            return path ?? throw DomainException.NotFound("LEARNING_PATH_NOT_FOUND", "Nothing was found with that id.");
        }
        // The CE team sees the paths whose role training it gives, of every agency.
        return caller.IsCeTeam && path is { HasCeTrainedCourse: true } ? path : caller.EnsureMayRead(path, p => p.AgencyId, p => p.PersonId, "LEARNING_PATH");
    }
}
