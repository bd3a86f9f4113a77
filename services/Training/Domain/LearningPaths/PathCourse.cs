using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Training.Domain.LearningPaths;

/// <summary>One course of a person's path, how far they are in it, and until when its completion counts.</summary>
public sealed class PathCourse
{
    public string CourseCode { get; private set; } = "";

    public int Position { get; private set; }

    public int Percent { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public DateTimeOffset? ValidUntil { get; private set; }

    /// <summary>The time of the latest report taken; an older report changes nothing.</summary>
    public DateTimeOffset? LastReportedAt { get; private set; }

    /// <summary>Completed on an earlier path and still valid when this one was enrolled.</summary>
    public bool CarriedOver { get; private set; }

    public DateTimeOffset? ExpiredAt { get; private set; }

    public bool IsComplete => CompletedAt is not null;

    public PathCourse(string courseCode, int position)
    {
        CourseCode = courseCode;
        Position = position;
    }

    private PathCourse()
    {
    }

    /// <summary>A course completed outside any path (before go-live), to be carried over by the next one.</summary>
    internal static PathCourse CompletedBefore(string courseCode, DateTimeOffset completedAt, int validityMonths) => new()
    {
        CourseCode = courseCode,
        Percent = 100,
        CompletedAt = completedAt,
        ValidUntil = Continuum.AddMonths(completedAt, validityMonths),
    };

    internal void MoveTo(int position) => Position = position;

    /// <summary>
    /// Progress only moves forward: a lower, repeated or older report changes nothing. 100% completes the course,
    /// which then counts for its validity. Returns whether it changed.
    /// </summary>
    /// <param name="completedAt">When the LMS says the course was completed, if it says; else the report's time.</param>
    public bool Advance(int percent, DateTimeOffset reportedAt, int validityMonths, DateTimeOffset? completedAt = null)
    {
        if (LastReportedAt is { } last && reportedAt < last)
        {
            return false;
        }
        LastReportedAt = reportedAt;
        if (percent <= Percent)
        {
            return false;
        }
        Percent = percent;
        if (percent == 100)
        {
            var done = completedAt is { } at && at <= reportedAt ? at : reportedAt;
            CompletedAt = done;
            ValidUntil = Continuum.AddMonths(done, validityMonths);
        }
        return true;
    }

    /// <summary>Counts an earlier, still valid completion as done.</summary>
    internal void CarryOver(DateTimeOffset completedAt, DateTimeOffset validUntil)
    {
        (Percent, CompletedAt, ValidUntil, CarriedOver) = (100, completedAt, validUntil, true);
    }

    /// <summary>The completion no longer counts: the course is taken again. Reports from before now are old.</summary>
    internal void Expire(DateTimeOffset now)
    {
        (Percent, CompletedAt, ValidUntil, CarriedOver, ExpiredAt, LastReportedAt) = (0, null, null, false, now, now);
    }
}
