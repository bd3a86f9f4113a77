namespace HmisPlatform.Assessment.Domain.Records;

/// <summary>
/// Reason for leaving a project. Stored by these numbers: never renumber a member.
/// </summary>
public enum ExitReason
{
    Unspecified = 0,
    /// <summary>Completed the program.</summary>
    CompletedProgram = 1,
    /// <summary>Left for a housing opportunity before completing the program.</summary>
    LeftForHousing = 2,
    /// <summary>Non-compliance with the project.</summary>
    NonCompliance = 3,
    /// <summary>Disagreement with rules or persons.</summary>
    Disagreement = 4,
    /// <summary>Reached maximum time allowed.</summary>
    MaximumTime = 5,
    /// <summary>Unknown or disappeared.</summary>
    Unknown = 6,
}
