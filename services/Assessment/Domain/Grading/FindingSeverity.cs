namespace HmisPlatform.Assessment.Domain.Grading;

/// <summary>
/// How much a finding weighs. Stored by these numbers: never renumber a member.
/// </summary>
public enum FindingSeverity
{
    Unspecified = 0,
    /// <summary>A small slip.</summary>
    Minor = 1,
    /// <summary>A real data-quality error.</summary>
    Major = 2,
    /// <summary>The record is wrong at its core (wrong client, wrong project).</summary>
    Critical = 3,
}
