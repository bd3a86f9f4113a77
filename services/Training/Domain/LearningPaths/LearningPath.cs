using Hmis.Common.V1;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Training.Domain.Catalog;

namespace HmisPlatform.Training.Domain.LearningPaths;

/// <summary>The courses one person must complete for one approved request, in order, with the Introduction gate.</summary>
public sealed class LearningPath
{
    public const string PrerequisiteNotMetReason = "PREREQUISITE_NOT_MET";
    public const string CourseNotInPathReason = "COURSE_NOT_IN_PATH";
    public const string PercentOutOfRangeReason = "PERCENT_OUT_OF_RANGE";

    private readonly List<PathCourse> _courses = [];

    public Guid Id { get; private set; }

    public Guid PersonId { get; private set; }

    public Guid AccessRequestId { get; private set; }

    public Guid AgencyId { get; private set; }

    public List<ProjectType> ProjectTypes { get; private set; } = [];

    public DateTimeOffset EnrolledAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public IReadOnlyList<PathCourse> Courses => _courses;

    private LearningPath()
    {
    }

    /// <summary>
    /// The standard path: Introduction, Data Management, the project course of each project type, Final Instructions.
    /// Read Only users take the alternate Introduction alone.
    /// </summary>
    public static LearningPath Enrol(Guid personId, Guid accessRequestId, Guid agencyId, IReadOnlyCollection<Responsibility> responsibilities,
        IReadOnlyCollection<ProjectType> projectTypes, DateTimeOffset now)
    {
        var path = new LearningPath
        {
            Id = Guid.CreateVersion7(now),
            PersonId = personId,
            AccessRequestId = accessRequestId,
            AgencyId = agencyId,
            ProjectTypes = [.. projectTypes],
            EnrolledAt = now,
        };
        IEnumerable<string> codes = responsibilities.Count == 1 && responsibilities.Contains(Responsibility.ReadOnly)
            ? [CourseCatalog.IntroductionReadOnly]
            : [CourseCatalog.Introduction, CourseCatalog.DataManagement, .. projectTypes.Select(CourseCatalog.CourseFor).Distinct(), CourseCatalog.FinalInstructions];
        path._courses.AddRange(codes.Select((code, i) => new PathCourse(code, i + 1)));
        return path;
    }

    public bool IsComplete => CompletedAt is not null;

    /// <summary>Whether the course waits for Introduction to HMIS to be 100% complete.</summary>
    public bool IsRestricted(PathCourse course) =>
        CourseCatalog.Find(course.CourseCode).IsRestrictedUntilIntroduction
        && _courses.Any(c => CourseCatalog.Find(c.CourseCode).Kind == CourseKind.Prerequisite && !c.IsComplete);

    /// <summary>Records LMS progress. Returns true when this report completed the whole path.</summary>
    public bool RecordProgress(string courseCode, int percent, DateTimeOffset now)
    {
        if (percent is < 0 or > 100)
        {
            throw DomainException.Invalid(PercentOutOfRangeReason, "Progress is a percent from 0 to 100.",
                new FieldViolation("percent", "must be from 0 to 100", PercentOutOfRangeReason));
        }
        var course = _courses.SingleOrDefault(c => c.CourseCode == courseCode)
            ?? throw DomainException.Invalid(CourseNotInPathReason, "That course is not on this person's learning path.",
                new FieldViolation("course_code", "not on the learning path", CourseNotInPathReason));
        if (IsRestricted(course))
        {
            throw DomainException.Precondition(PrerequisiteNotMetReason, "This course is restricted until Introduction to HMIS is 100% complete.",
                [.. _courses.Where(c => CourseCatalog.Find(c.CourseCode).Kind == CourseKind.Prerequisite && !c.IsComplete)
                    .Select(c => new PreconditionViolation("COURSE", c.CourseCode, "must be 100% complete first"))]);
        }
        course.Advance(percent, now);
        if (IsComplete || !_courses.All(c => c.IsComplete))
        {
            return false;
        }
        CompletedAt = now;
        return true;
    }
}
