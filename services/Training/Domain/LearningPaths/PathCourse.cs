namespace HmisPlatform.Training.Domain.LearningPaths;

/// <summary>One course of a person's path and how far they are in it.</summary>
public sealed class PathCourse
{
    public string CourseCode { get; private set; } = "";

    public int Position { get; private set; }

    public int Percent { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public bool IsComplete => CompletedAt is not null;

    public PathCourse(string courseCode, int position)
    {
        CourseCode = courseCode;
        Position = position;
    }

    private PathCourse()
    {
    }

    /// <summary>Progress only moves forward: a lower or repeated report changes nothing. Returns whether it changed.</summary>
    public bool Advance(int percent, DateTimeOffset at)
    {
        if (percent <= Percent)
        {
            return false;
        }
        Percent = percent;
        if (percent == 100)
        {
            CompletedAt = at;
        }
        return true;
    }
}
