namespace HmisPlatform.Credentialing.Domain.Credits;

/// <summary>
/// What a ledger entry records. Stored by these numbers: never renumber a member.
/// </summary>
public enum CreditEntryKind
{
    Unspecified = 0,
    /// <summary>Credits bought.</summary>
    Purchase = 1,
    /// <summary>One credit reserved at review.</summary>
    Reservation = 2,
    /// <summary>One credit consumed by an issued account.</summary>
    Consumption = 3,
    /// <summary>A reservation given back.</summary>
    Release = 4,
    /// <summary>The balance at go-live, or its correction (the difference), from the import.</summary>
    OpeningBalance = 5,
}
