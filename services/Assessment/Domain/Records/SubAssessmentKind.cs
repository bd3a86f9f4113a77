namespace HmisPlatform.Assessment.Domain.Records;

/// <summary>
/// The sub-assessments HUD verification covers. Stored by these numbers: never renumber a member.
/// </summary>
public enum SubAssessmentKind
{
    Unspecified = 0,
    /// <summary>Income from any source.</summary>
    Income = 1,
    /// <summary>Non-cash benefits.</summary>
    NonCashBenefits = 2,
    /// <summary>Health insurance.</summary>
    HealthInsurance = 3,
}
