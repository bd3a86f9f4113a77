namespace HmisPlatform.Credentialing.Domain.Accounts;

/// <summary>
/// Why access was removed. Stored by these numbers: never renumber a member.
/// </summary>
public enum RemovalReason
{
    Unspecified = 0,
    /// <summary>Six months without a login (REMOVED_INACTIVE): a new NEW_AGENCY_USERS request with full training is needed.</summary>
    Inactive = 1,
    /// <summary>The user left the agency.</summary>
    LeftAgency = 2,
    /// <summary>The user no longer needs access.</summary>
    NoLongerNeeded = 3,
    /// <summary>The user is an ATA who missed the deadline of their own training.</summary>
    AtaTrainingMissed = 4,
    /// <summary>Removed before go-live, as the import stated it.</summary>
    BeforeGoLive = 5,
    /// <summary>Removed in a quarterly access review.</summary>
    AccessReview = 6,
}
