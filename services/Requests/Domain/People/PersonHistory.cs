using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Requests.Domain.People;

/// <summary>
/// A person's HMIS accounts in every agency of the CoC. "Current access" is a live account; "recently active" is a
/// last login within the policy's months (6, on the Continuum's clock), also on an account since removed.
/// </summary>
public sealed record PersonHistory(IReadOnlyList<PriorAccount> Accounts)
{
    public static PersonHistory None { get; } = new([]);

    /// <summary>The person's id when they are known: every account of one person carries the same id.</summary>
    public Guid? PersonId => Accounts.Count == 0 ? null : Accounts[0].PersonId;

    public bool HasCurrentAccess => Accounts.Any(a => a.State == AccountState.Active);

    public PriorAccount? ActiveAccountAt(Guid agencyId) => Accounts.FirstOrDefault(a => a.State == AccountState.Active && a.AgencyId == agencyId);

    public bool ActiveWithin(int months, DateTimeOffset now) => Accounts.Any(a => a.LastSeenAt >= Continuum.AddMonths(now, -months));

    /// <summary>Eligible for a transfer: in the CoC with current access, or active within the months.</summary>
    public bool MayTransfer(int months, DateTimeOffset now) => HasCurrentAccess || ActiveWithin(months, now);

    /// <summary>The project types the person worked in on accounts that still count for a transfer.</summary>
    public IReadOnlySet<ProjectType> TransferableProjectTypes(int months, DateTimeOffset now) =>
        Accounts.Where(a => a.State == AccountState.Active || a.LastSeenAt >= Continuum.AddMonths(now, -months))
            .SelectMany(a => a.ProjectTypes)
            .ToHashSet();
}
