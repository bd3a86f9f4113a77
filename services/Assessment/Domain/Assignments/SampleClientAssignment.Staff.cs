using HmisPlatform.Assessment.Domain.Grading;
using HmisPlatform.Assessment.Domain.Records;
using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Assessment.Domain.Assignments;

/// <summary>What HMIS staff do on an assignment: override an outcome with a reason, and book a walk-through.</summary>
public sealed partial class SampleClientAssignment
{
    public const string AttemptNotFoundReason = "ATTEMPT_NOT_FOUND";
    public const string AttemptNotLatestReason = "ATTEMPT_NOT_LATEST";
    public const string PassIsFinalReason = "PASS_IS_FINAL";
    public const string OutcomeRequiredReason = "OUTCOME_REQUIRED";
    public const string ReasonRequiredReason = "REASON_REQUIRED";
    public const string OverrideNotAllowedReason = "OVERRIDE_NOT_ALLOWED";
    public const string WalkthroughNotCalledForReason = "WALKTHROUGH_NOT_CALLED_FOR";
    public const string WalkthroughTimeInvalidReason = "WALKTHROUGH_TIME_INVALID";
    public const string VariantInvalidReason = "VARIANT_INVALID";
    public static readonly TimeSpan DefaultWalkthroughLength = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan MaxWalkthroughLength = TimeSpan.FromHours(2);

    /// <summary>
    /// Staff decide the latest attempt's outcome instead of the grader, while the assignment is open (seated). A pass is
    /// final; an override to a pass passes the assignment. An assignment that ended (its days, its third failure) stays
    /// ended: its request closed with it and gave its credit back, so the ATA requests access again. Returns the audit record.
    /// </summary>
    public OutcomeOverride Override(Guid attemptId, AttemptOutcome outcome, string reason, Caller staff, DateTimeOffset now)
    {
        staff.EnsureHmisTeam("overrides grades");
        var why = reason.Trim();
        if (why.Length is 0 or > 500)
        {
            throw DomainException.Invalid(ReasonRequiredReason, "An override says why.", new FieldViolation("reason", "1 to 500 characters", ReasonRequiredReason));
        }
        if (outcome == AttemptOutcome.Unspecified)
        {
            throw DomainException.Invalid(OutcomeRequiredReason, "Choose the outcome.", new FieldViolation("outcome", "required", OutcomeRequiredReason));
        }
        var attempt = LatestAttempt(attemptId);
        if (!attempt.Failed)
        {
            throw DomainException.Precondition(PassIsFinalReason, "A passed attempt has sent the trainee on to credentials; it is not overridden.",
                new PreconditionViolation("ATTEMPT", $"attempts/{attempt.Id}", "passed"));
        }
        if (Status != AssignmentStatus.Seated)
        {
            throw DomainException.Precondition(OverrideNotAllowedReason, "Only an open (seated) assignment is overridden; an ended one needs a new request.",
                new PreconditionViolation("ASSIGNMENT", $"assignments/{Id}", $"status is {Status}"));
        }
        var record = new OutcomeOverride(Id, attempt.Id, attempt.Outcome, outcome, why, staff.Subject, now);
        attempt.Override(outcome, why);
        if (outcome == AttemptOutcome.Passed)
        {
            FailedAttempts--;
            Status = AssignmentStatus.Passed;
            FreedAt ??= now;
        }
        return record;
    }

    /// <summary>Books the walk-through an attempt called for, within the seat's days.</summary>
    public Walkthrough BookWalkthrough(Guid attemptId, string staffMember, DateTimeOffset startsAt, TimeSpan? length, Caller staff, DateTimeOffset now)
    {
        staff.EnsureHmisTeam("books walk-throughs");
        var attempt = LatestAttempt(attemptId);
        if (attempt.Outcome != AttemptOutcome.Walkthrough || Status != AssignmentStatus.Seated)
        {
            throw DomainException.Precondition(WalkthroughNotCalledForReason, "The latest attempt of a seated assignment must call for a walk-through.",
                new PreconditionViolation("ATTEMPT", $"attempts/{attempt.Id}", $"outcome is {attempt.Outcome}"));
        }
        var booked = length ?? DefaultWalkthroughLength;
        if (startsAt <= now || startsAt > ExpiresAt || booked <= TimeSpan.Zero || booked > MaxWalkthroughLength)
        {
            throw DomainException.Invalid(WalkthroughTimeInvalidReason, "A walk-through starts in the future, within the seat's days, and lasts up to 2 hours.",
                new FieldViolation("starts_at", "after now, before the seat expires", WalkthroughTimeInvalidReason));
        }
        var walkthrough = new Walkthrough(staffMember.Trim().Length > 0 ? staffMember.Trim() : staff.Subject, startsAt, booked);
        attempt.Book(walkthrough);
        return walkthrough;
    }

    /// <summary>
    /// The model answer of a variant, for HMIS staff preparing a walk-through: of the given scenario (the current one
    /// when empty) and variant (the next attempt's when 0).
    /// </summary>
    public Records.ClientRecord ModelRecord(Caller staff, string scenarioCode, int variant)
    {
        staff.EnsureHmisTeam("reads model answers");
        var scenario = scenarioCode.Length == 0 ? Scenario
            : Scenarios.ScenarioCatalog.Find(scenarioCode) ?? throw DomainException.Invalid(Scenarios.ScenarioCatalog.UnknownScenarioReason, "No such scenario.",
                new FieldViolation("scenario_code", "a scenario code", Scenarios.ScenarioCatalog.UnknownScenarioReason));
        if (variant is < 0 or > Variants)
        {
            throw DomainException.Invalid(VariantInvalidReason, "No such variant.", new FieldViolation("variant", $"0 (the next attempt's) or 1 to {Variants}", VariantInvalidReason));
        }
        return CaseOf(scenario, variant == 0 ? NextVariant : variant).Model;
    }

    private SampleClientAttempt LatestAttempt(Guid attemptId)
    {
        var attempt = _attempts.SingleOrDefault(a => a.Id == attemptId)
            ?? throw DomainException.NotFound(AttemptNotFoundReason, "No such attempt on this assignment.");
        if (_attempts.MaxBy(a => a.SubmittedAt) != attempt)
        {
            throw DomainException.Precondition(AttemptNotLatestReason, "Only the latest attempt is overridden or followed up.",
                new PreconditionViolation("ATTEMPT", $"attempts/{attempt.Id}", "a later attempt exists"));
        }
        return attempt;
    }
}
