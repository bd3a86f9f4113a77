namespace HmisPlatform.Credentialing.Domain.Accounts;

/// <summary>
/// Where an account stands. Stored by these numbers: never renumber a member.
/// </summary>
public enum AccountStatus
{
    Unspecified = 0,
    /// <summary>Created; waits for the user to sign the End User Agreement.</summary>
    PendingAgreement = 1,
    /// <summary>Live credentials issued.</summary>
    Active = 2,
    /// <summary>Signed by the user; waits for their ATA or Supervisor to confirm receipt.</summary>
    PendingConfirmation = 3,
    /// <summary>Access removed; the username is never given to anyone else.</summary>
    Removed = 4,
}
