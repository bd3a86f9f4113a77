namespace HmisPlatform.Requests.Domain.AccessRequests;

/// <summary>
/// The outcome of an HMIS team review. Stored by these numbers: never renumber a member.
/// </summary>
public enum ReviewOutcome
{
    Unspecified = 0,
    /// <summary>Confirm the course enrolments: the request moves on to training. Needs credit use confirmed first.</summary>
    ConfirmEnrolments = 1,
    /// <summary>Deny the request; a reason is required. Reserved credits are released.</summary>
    Deny = 2,
    /// <summary>Create the HMIS account(s) of a FULL_TRANSFER: no training. Needs credit use confirmed first.</summary>
    CreateAccounts = 3,
    /// <summary>Confirm credit use: one license credit of the agency is reserved per user. HRS / 1474 needs the CE team's approval first. Not enough credits: RESOURCE_EXHAUSTED with a QuotaFailure naming the agency.</summary>
    ConfirmCreditUse = 4,
    /// <summary>Ask the ATA for more information (the question goes in reason); the waiting clock pauses until they answer.</summary>
    RequestInformation = 5,
    /// <summary>Close the request and ask for it on the form in required_form; a reason is required.</summary>
    RequestResubmission = 6,
    /// <summary>Send the request to the CE team's queue (Housing Resource Specialists, project 1474).</summary>
    RouteToCeTeam = 7,
}
