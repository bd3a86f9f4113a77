
namespace HmisPlatform.Credentialing.Domain.Credits;

/// <summary>A line of an agency's credit ledger. Lines are only ever added: the database refuses changes and deletions.</summary>
public sealed class CreditLedgerEntry
{
    public long Sequence { get; private set; }

    public Guid AgencyId { get; private set; }

    public CreditEntryKind Kind { get; private set; }

    public int Credits { get; private set; }

    public Guid? AccessRequestId { get; private set; }

    public Guid? PersonId { get; private set; }

    public Guid? AccountId { get; private set; }

    public string RecordedBy { get; private set; } = "";

    public string? Note { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>The agency's available credits just after this line, as a bank statement's running balance.</summary>
    public int AvailableAfter { get; private set; }

    private CreditLedgerEntry()
    {
    }

    internal static CreditLedgerEntry Record(
        Guid agencyId, CreditEntryKind kind, int credits, Guid? accessRequestId, Guid? personId, Guid? accountId, string by, string? note, int availableAfter, DateTimeOffset now) => new()
    {
        AgencyId = agencyId,
        Kind = kind,
        Credits = credits,
        AccessRequestId = accessRequestId,
        PersonId = personId,
        AccountId = accountId,
        RecordedBy = by,
        Note = note,
        RecordedAt = now,
        AvailableAfter = availableAfter,
    };
}
