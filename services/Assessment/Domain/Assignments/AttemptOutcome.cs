namespace HmisPlatform.Assessment.Domain.Assignments;

/// <summary>
/// The result of grading one attempt. Stored by these numbers: never renumber a member.
/// </summary>
public enum AttemptOutcome
{
    Unspecified = 0,
    /// <summary>Minimal or no errors.</summary>
    Passed = 1,
    /// <summary>The findings are the feedback; counts as a failed attempt.</summary>
    CorrectionsNeeded = 2,
    /// <summary>Significant errors: a 1:1 video walk-through of the record with HMIS staff; counts as a failed attempt.</summary>
    Walkthrough = 3,
    /// <summary>The record shows the workflow was not understood: the project course is to be taken again; counts as a failed attempt.</summary>
    RedoTraining = 4,
}
