using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Gateway.Domain;

/// <summary>
/// The rules of the test clock: it exists for rehearsing outside Production only, and it only moves forward, a bounded
/// step at a time, since the process never goes back a step.
/// </summary>
public static class TestClockRules
{
    public const string NotInProductionReason = "TEST_CLOCK_NOT_IN_PRODUCTION";
    public const string AdvanceInvalidReason = "TEST_CLOCK_ADVANCE_INVALID";
    public static readonly TimeSpan MaxAdvance = TimeSpan.FromDays(400);

    public static void EnsureAllowed(bool production)
    {
        if (production)
        {
            throw DomainException.Precondition(NotInProductionReason, "The test clock is for rehearsals; Production runs on real time.",
                new PreconditionViolation("ENVIRONMENT", "Production", "the test clock is off"));
        }
    }

    /// <summary>How far to move: more than nothing, at most <see cref="MaxAdvance"/>.</summary>
    public static TimeSpan Advance(TimeSpan? by) =>
        by is { } step && step > TimeSpan.Zero && step <= MaxAdvance
            ? step
            : throw DomainException.Invalid(AdvanceInvalidReason, $"Move the clock forward by more than nothing and at most {MaxAdvance.TotalDays:0} days.",
                new FieldViolation("by", $"more than 0, at most {MaxAdvance.TotalDays:0} days", AdvanceInvalidReason));
}
