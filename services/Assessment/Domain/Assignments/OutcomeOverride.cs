using HmisPlatform.Assessment.Domain.Grading;
using HmisPlatform.Assessment.Domain.Records;

namespace HmisPlatform.Assessment.Domain.Assignments;

/// <summary>An audited staff override of an attempt's outcome: from, to, why, by whom, when. The table is append-only.</summary>
public sealed class OutcomeOverride
{
    public long Id { get; private set; }

    public Guid AssignmentId { get; private set; }

    public Guid AttemptId { get; private set; }

    public AttemptOutcome FromOutcome { get; private set; }

    public AttemptOutcome ToOutcome { get; private set; }

    public string Reason { get; private set; } = "";

    public string OverriddenBy { get; private set; } = "";

    public DateTimeOffset OverriddenAt { get; private set; }

    public OutcomeOverride(Guid assignmentId, Guid attemptId, AttemptOutcome fromOutcome, AttemptOutcome toOutcome, string reason, string overriddenBy, DateTimeOffset overriddenAt)
    {
        AssignmentId = assignmentId;
        AttemptId = attemptId;
        FromOutcome = fromOutcome;
        ToOutcome = toOutcome;
        Reason = reason;
        OverriddenBy = overriddenBy;
        OverriddenAt = overriddenAt;
    }

    private OutcomeOverride()
    {
    }
}
