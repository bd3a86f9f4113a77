namespace HmisPlatform.Assessment.Domain.Records;

/// <summary>
/// Services a project records as transactions. Stored by these numbers: never renumber a member.
/// </summary>
public enum ServiceType
{
    Unspecified = 0,
    /// <summary>Rapid re-housing rental assistance (SSVF financial assistance).</summary>
    RrhRentalAssistance = 1,
    /// <summary>Case management.</summary>
    CaseManagement = 2,
    /// <summary>Street outreach contact.</summary>
    OutreachContact = 3,
    /// <summary>Meal.</summary>
    Meal = 4,
    /// <summary>Shower and hygiene.</summary>
    Shower = 5,
    /// <summary>Security deposit assistance.</summary>
    SecurityDeposit = 6,
}
