using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Credentialing.Domain.Accounts;

/// <summary>What happened to an account, in the words of the process.</summary>
public enum AccountChangeKind
{
    Issued,
    ProjectsAdded,
    AgreementSigned,
    AgreementConfirmed,
    ActivationLinkIssued,
    SetUpInHmis,
    InactivityWarned,
    Removed,
    /// <summary>Brought in by the go-live import.</summary>
    Imported,
}

/// <summary>
/// One change of an account and who made it: the append-only audit of step 4 (a database trigger refuses any update
/// or delete), so "who signed, who confirmed" is answered by the record, not by the latest state.
/// </summary>
public sealed class AccountChange
{
    public const int MaxDetailLength = 500;

    public long Id { get; private set; }

    public Guid AccountId { get; private set; }

    public AccountChangeKind Kind { get; private set; }

    public Actor Actor { get; private set; } = null!;

    public DateTimeOffset At { get; private set; }

    /// <summary>What changed, without personal data: a version, project types, a removal reason.</summary>
    public string Detail { get; private set; } = "";

    internal AccountChange(Guid accountId, AccountChangeKind kind, Actor actor, DateTimeOffset at, string detail = "")
    {
        AccountId = accountId;
        Kind = kind;
        Actor = actor;
        At = at;
        Detail = detail.Length > MaxDetailLength ? detail[..MaxDetailLength] : detail;
    }

    private AccountChange()
    {
    }
}
