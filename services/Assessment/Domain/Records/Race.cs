namespace HmisPlatform.Assessment.Domain.Records;

/// <summary>
/// HUD race and ethnicity (FY2024), all that apply. Stored by these numbers: never renumber a member.
/// </summary>
public enum Race
{
    Unspecified = 0,
    /// <summary>American Indian, Alaska Native, or Indigenous.</summary>
    AmericanIndianAlaskaNativeIndigenous = 1,
    /// <summary>Asian or Asian American.</summary>
    Asian = 2,
    /// <summary>Black, African American, or African.</summary>
    BlackAfricanAmerican = 3,
    /// <summary>Hispanic/Latina/e/o.</summary>
    HispanicLatino = 4,
    /// <summary>Middle Eastern or North African.</summary>
    MiddleEasternNorthAfrican = 5,
    /// <summary>Native Hawaiian or Pacific Islander.</summary>
    NativeHawaiianPacificIslander = 6,
    /// <summary>White.</summary>
    White = 7,
}
