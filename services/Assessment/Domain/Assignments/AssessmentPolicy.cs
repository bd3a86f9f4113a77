using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Assessment.Domain.Assignments;

/// <summary>The assignment's policy numbers (configuration section <c>Assessment</c>; defaults from docs/process.md).</summary>
public sealed class AssessmentPolicy
{
    /// <summary>Trainees who hold a seat at once.</summary>
    public int Seats { get; set; } = 8;

    /// <summary>How long a seat is held before the assignment expires: whole days count on the Continuum's clock.</summary>
    public TimeSpan HoldFor { get; set; } = TimeSpan.FromDays(10);

    /// <summary>When a seat taken now ends: the same wall-clock time in Chicago after the days held (and any part-day).</summary>
    public DateTimeOffset SeatExpiry(DateTimeOffset seatedAt) =>
        Continuum.AddDays(seatedAt, HoldFor.Days) + (HoldFor - TimeSpan.FromDays(HoldFor.Days));

    /// <summary>Failed attempts after which the assignment expires.</summary>
    public int MaxFailedAttempts { get; set; } = 3;

    /// <summary>How often the sweep looks for expired seats.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);

    public const string InvalidWindowReason = "EXPIRY_WINDOW_INVALID";

    /// <summary>"Ending soon" for the HMIS team's list: the days asked for (3 when none), at most a seat's whole hold.</summary>
    public TimeSpan EndingWithin(int days)
    {
        var window = TimeSpan.FromDays(days == 0 ? 3 : days);
        return days >= 0 && window <= HoldFor
            ? window
            : throw DomainException.Invalid(InvalidWindowReason, $"Ask for 1 to {HoldFor.TotalDays:0} days.",
                new FieldViolation("within_days", $"1 to {HoldFor.TotalDays:0}", InvalidWindowReason));
    }
}
