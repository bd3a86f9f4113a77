namespace HmisPlatform.Assessment.Domain.Records;

/// <summary>
/// HUD gender (FY2024), all that apply. Stored by these numbers: never renumber a member.
/// </summary>
public enum Gender
{
    Unspecified = 0,
    /// <summary>Woman (girl, if child).</summary>
    Woman = 1,
    /// <summary>Man (boy, if child).</summary>
    Man = 2,
    /// <summary>Non-binary.</summary>
    NonBinary = 3,
    /// <summary>Culturally specific identity.</summary>
    CulturallySpecific = 4,
    /// <summary>Transgender.</summary>
    Transgender = 5,
    /// <summary>Questioning.</summary>
    Questioning = 6,
}
