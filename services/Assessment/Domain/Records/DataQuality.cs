namespace HmisPlatform.Assessment.Domain.Records;

/// <summary>
/// HUD data quality of a name, SSN or date of birth. Stored by these numbers: never renumber a member.
/// </summary>
public enum DataQuality
{
    Unspecified = 0,
    /// <summary>Full value reported.</summary>
    Full = 1,
    /// <summary>Partial or approximate value reported.</summary>
    Partial = 2,
    /// <summary>Client doesn't know.</summary>
    ClientDoesntKnow = 3,
    /// <summary>Client prefers not to answer.</summary>
    ClientRefused = 4,
    /// <summary>Data not collected.</summary>
    NotCollected = 5,
}
