namespace HmisPlatform.Assessment.Domain.Records;

/// <summary>
/// HUD yes/no responses. Stored by these numbers: never renumber a member.
/// </summary>
public enum YesNo
{
    Unspecified = 0,
    /// <summary>Yes.</summary>
    Yes = 1,
    /// <summary>No.</summary>
    No = 2,
    /// <summary>Client doesn't know.</summary>
    ClientDoesntKnow = 3,
    /// <summary>Client prefers not to answer.</summary>
    ClientRefused = 4,
    /// <summary>Data not collected.</summary>
    NotCollected = 5,
}
