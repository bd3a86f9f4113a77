using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Credentialing.Domain.Reviews;

/// <summary>
/// A quarterly access review, as identity-governance campaigns run it: the HMIS team opens it for a quarter and every
/// agency or some; each active account of those agencies then is to be confirmed or removed by its agency's ATA or
/// Supervisor by the deadline. Reminders go out before the deadline; after it, the accounts still pending are the HMIS
/// team's to decide.
/// </summary>
public sealed class AccessReview
{
    public const string InvalidQuarterReason = "INVALID_QUARTER";
    public const string InvalidDeadlineReason = "INVALID_DEADLINE";
    public const string ReviewExistsReason = "ACCESS_REVIEW_EXISTS";
    public const int MaxDays = 90;

    /// <summary>How many days before the deadline the reminders go out.</summary>
    public const int ReminderDaysBefore = 7;

    public Guid Id { get; private set; }

    public int Year { get; private set; }

    public int Quarter { get; private set; }

    /// <summary>The agencies reviewed; empty for every agency.</summary>
    public List<Guid> AgencyIds { get; private set; } = [];

    /// <summary>The last day (Chicago) to decide.</summary>
    public DateOnly Deadline { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public string OpenedBy { get; private set; } = "";

    public DateTimeOffset? RemindedAt { get; private set; }

    private AccessReview()
    {
    }

    public static AccessReview Open(int year, int quarter, IReadOnlyCollection<Guid> agencyIds, string deadline, Caller caller, DateTimeOffset now)
    {
        caller.EnsureHmisTeam("opens access reviews");
        var problems = new RowProblems();
        problems.Check(year is >= 2000 and <= 2100 && quarter is >= 1 and <= 4, year is >= 2000 and <= 2100 ? "quarter" : "year",
            "a year from 2000 to 2100 and a quarter from 1 to 4", InvalidQuarterReason);
        var today = Continuum.DateOf(now);
        var day = DateOnly.TryParseExact(deadline.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed)
            ? parsed : (DateOnly?)null;
        problems.Check(day is { } d && d > today && d <= today.AddDays(MaxDays), "deadline", $"a day (YYYY-MM-DD) after today, within {MaxDays} days", InvalidDeadlineReason);
        problems.ThrowIfAny();
        return new AccessReview
        {
            Id = Guid.CreateVersion7(now), Year = year, Quarter = quarter, AgencyIds = [.. agencyIds.Distinct().Order()], Deadline = day!.Value,
            OpenedAt = now, OpenedBy = caller.Subject,
        };
    }

    public bool Covers(Guid agencyId) => AgencyIds.Count == 0 || AgencyIds.Contains(agencyId);

    public bool IsOverdue(DateOnly today) => today > Deadline;

    /// <summary>Whether the reminders are due today: from a week before the deadline until it, once.</summary>
    public bool RemindersDue(DateOnly today) => RemindedAt is null && today >= Deadline.AddDays(-ReminderDaysBefore) && today <= Deadline;

    public void Reminded(DateTimeOffset now) => RemindedAt ??= now;
}
