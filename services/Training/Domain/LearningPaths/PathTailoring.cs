using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Training.Domain.LearningPaths;

/// <summary>
/// One change the HMIS team made to a person's course list to fit their new role, with its reason and who made it:
/// append-only, beside the progress reports.
/// </summary>
public sealed class PathTailoring
{
    public const int MaxReasonLength = 1000;

    public long Id { get; private set; }

    public Guid LearningPathId { get; private set; }

    public List<string> Added { get; private set; } = [];

    public List<string> Omitted { get; private set; } = [];

    public string Reason { get; private set; } = "";

    public Actor TailoredBy { get; private set; } = null!;

    public DateTimeOffset TailoredAt { get; private set; }

    internal PathTailoring(Guid learningPathId, IReadOnlyList<string> added, IReadOnlyList<string> omitted, string reason, Actor tailoredBy, DateTimeOffset at)
    {
        LearningPathId = learningPathId;
        Added = [.. added];
        Omitted = [.. omitted];
        Reason = reason;
        TailoredBy = tailoredBy;
        TailoredAt = at;
    }

    private PathTailoring()
    {
    }
}
