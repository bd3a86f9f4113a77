using HmisPlatform.Assessment.Domain.Assignments;
using HmisPlatform.Assessment.Domain.Trainings;
using HmisPlatform.Assessment.IntegrationEvents;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HmisPlatform.Assessment.Infrastructure;

/// <summary>
/// Puts a trainee in line for the Sample Client Assignment, in the caller's transaction: once, when the prerequisites
/// of their completed training hold, and seats them when a seat is free. Completed training and a trainee's own
/// JoinWaitlist both come here.
/// </summary>
public sealed class Enrolment(AssessmentDbContext db, Seating seating, IOptions<Prerequisites> prerequisites)
{
    /// <summary>The trainee's assignment for the access request: the one they have, or a new one in line.</summary>
    public async Task<SampleClientAssignment> JoinAsync(Guid personId, Guid accessRequestId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.Assignments.SingleOrDefaultAsync(a => a.PersonId == personId && a.AccessRequestId == accessRequestId, cancellationToken) is { } existing)
        {
            return existing;
        }
        var training = await TrainingOfAsync(personId, accessRequestId, cancellationToken);
        prerequisites.Value.EnsureMet(training, now, await EarlierCoursesAsync(personId, accessRequestId, cancellationToken));
        var assignment = SampleClientAssignment.Open(personId, accessRequestId, training!.AgencyId, training.ProjectTypes, now);
        db.Assignments.Add(assignment);
        var place = await seating.PlaceOfAsync(assignment, cancellationToken);
        db.Publish(assignment.Waitlisting(place!.Position, now));
        await seating.FillFreeSeatsAsync(now, cancellationToken);
        return assignment;
    }

    /// <summary>Keeps what Training reported of a completed path, the latest report winning.</summary>
    public async Task<CompletedTraining> RecordAsync(Guid personId, Guid accessRequestId, Guid agencyId, IEnumerable<ProjectType> projectTypes, bool readOnly,
        bool helpDeskOnly, IEnumerable<CourseCompletion> courses, DateTimeOffset reportedAt, CancellationToken cancellationToken,
        bool assessmentWaived = false, bool noDataEntry = false)
    {
        var training = await TrainingOfAsync(personId, accessRequestId, cancellationToken);
        if (training is null)
        {
            training = new CompletedTraining(personId, accessRequestId, agencyId);
            db.CompletedTrainings.Add(training);
        }
        training.Report(projectTypes, readOnly, helpDeskOnly, courses, reportedAt, assessmentWaived, noDataEntry);
        return training;
    }

    /// <summary>The training reported for the access request, also one reported earlier in this transaction.</summary>
    private async Task<CompletedTraining?> TrainingOfAsync(Guid personId, Guid accessRequestId, CancellationToken cancellationToken) =>
        db.CompletedTrainings.Local.FirstOrDefault(t => t.PersonId == personId && t.AccessRequestId == accessRequestId)
        ?? await db.CompletedTrainings.SingleOrDefaultAsync(t => t.PersonId == personId && t.AccessRequestId == accessRequestId, cancellationToken);

    public async Task<bool> PrerequisitesMetAsync(CompletedTraining training, DateTimeOffset now, CancellationToken cancellationToken) =>
        prerequisites.Value.AreMet(training, now, await EarlierCoursesAsync(training.PersonId, training.AccessRequestId, cancellationToken));

    /// <summary>The courses the person completed for their other access requests (a transfer's path holds only the project course).</summary>
    private async Task<IReadOnlyList<CourseCompletion>> EarlierCoursesAsync(Guid personId, Guid accessRequestId, CancellationToken cancellationToken) =>
        (await db.CompletedTrainings.AsNoTracking()
            .Where(t => t.PersonId == personId && t.AccessRequestId != accessRequestId)
            .ToListAsync(cancellationToken))
        .SelectMany(t => t.Courses).ToList();
}
