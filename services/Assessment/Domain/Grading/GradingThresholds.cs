using HmisPlatform.Assessment.Domain.Assignments;
using HmisPlatform.Assessment.Domain.Records;

namespace HmisPlatform.Assessment.Domain.Grading;

/// <summary>
/// Where the grader draws its lines (configuration section <c>Assessment:Grading</c>). A critical finding (wrong
/// client, wrong project) shows the workflow itself was missed: one calls for a walk-through, two for the project
/// course again. Many major errors are also faster fixed face to face than by rounds of written corrections; a
/// few are written feedback; two minor slips still pass ("minimal or no errors").
/// </summary>
public sealed class GradingThresholds
{
    public int MaxMinorToPass { get; set; } = 2;

    /// <summary>Up to this many major findings (and no critical one) are written corrections; more call for a walk-through.</summary>
    public int MaxMajorForCorrections { get; set; } = 2;

    /// <summary>This many critical findings send the trainee back to the project course.</summary>
    public int CriticalForRedoTraining { get; set; } = 2;

    public AttemptOutcome OutcomeOf(IReadOnlyCollection<Finding> findings)
    {
        var critical = findings.Count(f => f.Severity == FindingSeverity.Critical);
        var major = findings.Count(f => f.Severity == FindingSeverity.Major);
        var minor = findings.Count(f => f.Severity == FindingSeverity.Minor);
        return critical >= CriticalForRedoTraining ? AttemptOutcome.RedoTraining
            : critical > 0 || major > MaxMajorForCorrections ? AttemptOutcome.Walkthrough
            : major > 0 || minor > MaxMinorToPass ? AttemptOutcome.CorrectionsNeeded
            : AttemptOutcome.Passed;
    }
}
