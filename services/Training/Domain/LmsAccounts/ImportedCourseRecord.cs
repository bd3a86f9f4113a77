using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Training.Domain.LearningPaths;

namespace HmisPlatform.Training.Domain.LmsAccounts;

/// <summary>
/// How far a person got in one course before go-live, as the LMS import stated it: one record per LMS account and
/// course. A completion still within the course's months counts on the person's next learning path, as a completion
/// on an earlier path does.
/// </summary>
public sealed class ImportedCourseRecord
{
    public long Id { get; private set; }

    public Guid LmsAccountId { get; private set; }

    public Guid PersonId { get; private set; }

    public string CourseCode { get; private set; } = "";

    public int Percent { get; private set; }

    public DateOnly? CompletedOn { get; private set; }

    public DateTimeOffset ImportedAt { get; private set; }

    internal ImportedCourseRecord(Guid lmsAccountId, Guid personId, string courseCode, DateTimeOffset now)
    {
        (LmsAccountId, PersonId, CourseCode, ImportedAt) = (lmsAccountId, personId, courseCode, now);
    }

    private ImportedCourseRecord()
    {
    }

    /// <summary>Takes the row's progress; returns whether it changed.</summary>
    internal bool Take(int percent, DateOnly? completedOn)
    {
        if (Percent == percent && CompletedOn == completedOn)
        {
            return false;
        }
        (Percent, CompletedOn) = (percent, completedOn);
        return true;
    }

    /// <summary>The completion as an earlier path's course, for a new path to carry over; null when not completed.</summary>
    public PathCourse? AsEarlierCompletion(int validityMonths) =>
        CompletedOn is { } day ? PathCourse.CompletedBefore(CourseCode, Continuum.StartOf(day), validityMonths) : null;
}
