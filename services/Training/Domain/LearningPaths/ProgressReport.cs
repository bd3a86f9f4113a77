using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Training.Domain.LearningPaths;

/// <summary>
/// One report of course progress as it came in, and who sent it (the LMS's integration, the TalentLMS connector, or
/// the HMIS team): the append-only record of step 2. A report that changed nothing (older, or not higher) is kept too.
/// </summary>
public sealed class ProgressReport
{
    public const int MaxSourceLength = 50;

    public long Id { get; private set; }

    public Guid LearningPathId { get; private set; }

    public string CourseCode { get; private set; } = "";

    public int Percent { get; private set; }

    /// <summary>When the LMS observed the progress.</summary>
    public DateTimeOffset ReportedAt { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>What the reporter says the report came from (an LMS name, a ticket).</summary>
    public string Source { get; private set; } = "";

    public Actor ReportedBy { get; private set; } = null!;

    /// <summary>Whether it moved the course forward.</summary>
    public bool Applied { get; private set; }

    internal ProgressReport(Guid learningPathId, string courseCode, int percent, DateTimeOffset reportedAt, string source, Actor reportedBy, bool applied,
        DateTimeOffset recordedAt)
    {
        LearningPathId = learningPathId;
        CourseCode = courseCode;
        Percent = percent;
        ReportedAt = reportedAt;
        Source = source;
        ReportedBy = reportedBy;
        Applied = applied;
        RecordedAt = recordedAt;
    }

    private ProgressReport()
    {
    }
}
