namespace HmisPlatform.Requests.Domain.AccessRequests;

/// <summary>
/// Where a request is in its life. Stored by these numbers: never renumber a member.
/// </summary>
public enum AccessRequestStatus
{
    Unspecified = 0,
    /// <summary>Waiting for the HMIS team's review.</summary>
    Submitted = 1,
    /// <summary>Approved; the users are in training and the later steps.</summary>
    InProgress = 2,
    /// <summary>Every user of the request has live credentials.</summary>
    Completed = 3,
    /// <summary>Denied by the HMIS team or the CE team.</summary>
    Denied = 4,
    /// <summary>The HMIS team asked the ATA for more information; the request waits on the ATA and its clock is paused.</summary>
    InformationRequested = 5,
    /// <summary>Closed: the ATA must submit again on the form named in required_form.</summary>
    ResubmissionRequested = 6,
    /// <summary>In the CE team's queue: an HRS / 1474 request waits for the CE team's approval.</summary>
    AwaitingCeDecision = 7,
    /// <summary>Withdrawn by the ATA before a decision.</summary>
    Withdrawn = 8,
    /// <summary>Approved, but the person's training lapsed (Introduction or Data Management older than 6 months): the ATA must request access again.</summary>
    Expired = 9,
}
