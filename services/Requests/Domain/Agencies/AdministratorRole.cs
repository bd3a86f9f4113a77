namespace HmisPlatform.Requests.Domain.Agencies;

/// <summary>
/// The administrator's role at the agency. Stored by these numbers: never renumber a member.
/// </summary>
public enum AdministratorRole
{
    Unspecified = 0,
    /// <summary>Agency Technical Administrator: submits requests, confirms End User Agreements.</summary>
    Ata = 1,
    /// <summary>Supervisor: validates new hires with the ATA, confirms End User Agreements.</summary>
    Supervisor = 2,
}
