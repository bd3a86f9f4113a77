using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Assessment.Domain.Trainings;

/// <summary>
/// The Sample Client Assignment's sign-up prerequisites (docs/process.md, step 3): the ATA requested data-entry access; the
/// project course completed within 3 months; Introduction and/or Data Management within 6 months. The months are
/// configuration (<c>Assessment:Prerequisites</c>). A transfer to other project types takes only the project course,
/// so the foundation courses the person completed for an earlier access request count too: the latest of each.
/// </summary>
public sealed class Prerequisites
{
    public const string NotMetReason = "PREREQUISITE_NOT_MET";
    public const string ExpiredReason = "PREREQUISITE_EXPIRED";

    public int ProjectCourseMonths { get; set; } = 3;

    public int FoundationCourseMonths { get; set; } = 6;

    /// <summary>Refuses a sign-up whose prerequisites are not met, one violation per course (or missing part).</summary>
    public void EnsureMet(CompletedTraining? training, DateTimeOffset now, IEnumerable<CourseCompletion>? earlier = null)
    {
        var (missing, expired) = Check(training, now, earlier ?? []);
        if (missing.Count > 0)
        {
            throw DomainException.Precondition(NotMetReason, "The trainee's training does not yet open the Sample Client Assignment.", [.. missing, .. expired]);
        }
        if (expired.Count > 0)
        {
            throw DomainException.Precondition(ExpiredReason, "Part of the trainee's training is no longer recent enough for the Sample Client Assignment.", [.. expired]);
        }
    }

    public bool AreMet(CompletedTraining training, DateTimeOffset now, IEnumerable<CourseCompletion>? earlier = null) =>
        Check(training, now, earlier ?? []) is { Missing.Count: 0, Expired.Count: 0 };

    private (List<PreconditionViolation> Missing, List<PreconditionViolation> Expired) Check(CompletedTraining? training, DateTimeOffset now,
        IEnumerable<CourseCompletion> earlier)
    {
        List<PreconditionViolation> missing = [], expired = [];
        if (training is null)
        {
            missing.Add(new PreconditionViolation("TRAINING", "training", "no completed learning path for this access request"));
            return (missing, expired);
        }
        if (training.ReadOnly || training.NoDataEntry)
        {
            missing.Add(new PreconditionViolation("DATA_ENTRY_ACCESS", $"access-requests/{training.AccessRequestId}", "no client data entry was requested; the assignment is for data entry"));
        }
        var foundation = training.Courses.Concat(earlier)
            .Where(c => c.Kind is CompletedCourseKind.Introduction or CompletedCourseKind.DataManagement)
            .GroupBy(c => c.Kind).Select(latest => latest.MaxBy(c => c.CompletedAt)!);
        var courses = training.Courses.Where(c => c.Kind == CompletedCourseKind.Project).Concat(foundation).ToList();
        void Recent(CompletedCourseKind kind, int months, string what, bool required)
        {
            var ofKind = courses.Where(c => c.Kind == kind).ToList();
            if (ofKind.Count == 0 && required)
            {
                missing.Add(new PreconditionViolation("COURSE", what, $"{what} is not completed"));
            }
            foreach (var course in ofKind.Where(c => Continuum.AddMonths(c.CompletedAt, months) < now))
            {
                expired.Add(new PreconditionViolation("COURSE", course.CourseCode, $"completed more than {months} months ago"));
            }
        }
        Recent(CompletedCourseKind.Project, ProjectCourseMonths, "project course", required: true);
        Recent(CompletedCourseKind.Introduction, FoundationCourseMonths, "Introduction to HMIS",
            required: !courses.Any(c => c.Kind == CompletedCourseKind.DataManagement));
        Recent(CompletedCourseKind.DataManagement, FoundationCourseMonths, "Data Management", required: false);
        return (missing, expired);
    }
}
