namespace HmisPlatform.Assessment.Domain.Records;

/// <summary>
/// Which assessment of an enrollment. Stored by these numbers: never renumber a member.
/// </summary>
public enum AssessmentStage
{
    Unspecified = 0,
    /// <summary>Project start.</summary>
    Entry = 1,
    /// <summary>An update during the stay (for example the housing move-in).</summary>
    Interim = 2,
    /// <summary>Project exit.</summary>
    Exit = 3,
}
