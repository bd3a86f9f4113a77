namespace HmisPlatform.Requests.Domain.AccessRequests;

/// <summary>
/// The CE team's decision on an HRS / 1474 request. Stored by these numbers: never renumber a member.
/// </summary>
public enum CeDecision
{
    Unspecified = 0,
    /// <summary>Approved: the request returns to the HMIS team, who may now license the account.</summary>
    Approve = 1,
    /// <summary>Denied; a reason is required.</summary>
    Deny = 2,
}
