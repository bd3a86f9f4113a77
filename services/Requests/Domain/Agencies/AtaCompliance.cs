namespace HmisPlatform.Requests.Domain.Agencies;

/// <summary>
/// Where an ATA stands with the ATA training requirement today. Stored by these numbers: never renumber a member.
/// </summary>
public enum AtaCompliance
{
    Unspecified = 0,
    /// <summary>Training completed.</summary>
    Compliant = 1,
    /// <summary>Not completed, and the deadline has not passed.</summary>
    Due = 2,
    /// <summary>Not completed by the deadline: may not submit (from the implementation date) and may be removed.</summary>
    Overdue = 3,
}
