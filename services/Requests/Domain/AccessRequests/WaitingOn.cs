namespace HmisPlatform.Requests.Domain.AccessRequests;

/// <summary>
/// Whom a request or a journey waits on now. Stored by these numbers: never renumber a member.
/// </summary>
public enum WaitingOn
{
    Unspecified = 0,
    /// <summary>The HMIS team (review, grading, licensing).</summary>
    HmisTeam = 1,
    /// <summary>The CE team (HRS / 1474 approval).</summary>
    CeTeam = 2,
    /// <summary>The agency's ATA or Supervisor (more information, confirming the End User Agreement).</summary>
    Ata = 3,
    /// <summary>The user (courses, the assignment, signing the End User Agreement).</summary>
    User = 4,
}
