using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Credentialing.Domain.Accounts;

/// <summary>What the inactivity rule asks of an account now.</summary>
public enum InactivityStep
{
    None,
    Warn,
    Remove,
}

/// <summary>
/// The HMIS inactivity policy: a warning after 5 months without a login, removal after 6, counted on the Continuum's
/// clock. The clock runs from the last login the HMIS reported, or from activation when there was none.
/// </summary>
public sealed class InactivityPolicy
{
    public int WarnAfterMonths { get; set; } = 5;

    public int RemoveAfterMonths { get; set; } = 6;

    public DateTimeOffset RemovalDue(HmisAccount account) => Continuum.AddMonths(ActiveSince(account), RemoveAfterMonths);

    public InactivityStep StepFor(HmisAccount account, DateTimeOffset now)
    {
        if (account.Status != AccountStatus.Active)
        {
            return InactivityStep.None;
        }
        var since = ActiveSince(account);
        if (now >= Continuum.AddMonths(since, RemoveAfterMonths))
        {
            return InactivityStep.Remove;
        }
        return now >= Continuum.AddMonths(since, WarnAfterMonths) && account.InactivityWarnedAt is null ? InactivityStep.Warn : InactivityStep.None;
    }

    public const string InvalidWindowReason = "NEAR_REMOVAL_WINDOW_INVALID";

    public DateTimeOffset WarningDue(HmisAccount account) => Continuum.AddMonths(ActiveSince(account), WarnAfterMonths);

    /// <summary>"Near a mark" for the HMIS team's list: the days asked for (14 when none), up to a month.</summary>
    public TimeSpan NearWithin(int days) => days switch
    {
        0 => TimeSpan.FromDays(14),
        >= 1 and <= 31 => TimeSpan.FromDays(days),
        _ => throw DomainException.Invalid(InvalidWindowReason, "Ask for 1 to 31 days.", new FieldViolation("within_days", "1 to 31", InvalidWindowReason)),
    };

    /// <summary>Accounts active last before this reach the warning within the window.</summary>
    public DateTimeOffset WarningReachedIfActiveBefore(DateTimeOffset now, TimeSpan within) => Continuum.AddMonths(now + within, -WarnAfterMonths);

    /// <summary>Accounts active last before this reach removal within the window.</summary>
    public DateTimeOffset RemovalReachedIfActiveBefore(DateTimeOffset now, TimeSpan within) => Continuum.AddMonths(now + within, -RemoveAfterMonths);

    /// <summary>The last activity before which an account is due for removal now.</summary>
    public DateTimeOffset RemoveCutoff(DateTimeOffset now) => Continuum.AddMonths(now, -RemoveAfterMonths);

    /// <summary>The oldest last activity that is inactive enough to need a step now: only such accounts are looked at.</summary>
    public DateTimeOffset WarnCutoff(DateTimeOffset now) => Continuum.AddMonths(now, -WarnAfterMonths);

    private static DateTimeOffset ActiveSince(HmisAccount account) => account.LastActivityAt ?? account.ActivatedAt ?? account.CreatedAt;
}
