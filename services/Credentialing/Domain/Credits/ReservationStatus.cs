namespace HmisPlatform.Credentialing.Domain.Credits;

/// <summary>
/// Where a reservation stands. Stored by these numbers: never renumber a member.
/// </summary>
public enum ReservationStatus
{
    Unspecified = 0,
    /// <summary>Reserved, waiting for the account.</summary>
    Held = 1,
    /// <summary>Consumed by the issued account.</summary>
    Consumed = 2,
    /// <summary>Given back.</summary>
    Released = 3,
}
