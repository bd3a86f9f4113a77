namespace HmisPlatform.Requests.Domain.AccessRequests;

/// <summary>
/// The four forms an ATA may submit. Stored by these numbers: never renumber a member.
/// </summary>
public enum RequestType
{
    Unspecified = 0,
    /// <summary>People new to the Chicago HMIS, or last active more than 6 months ago; one or more users with the same access.</summary>
    NewAgencyUsers = 1,
    /// <summary>A user active within 6 months or with current access elsewhere in the CoC; exactly one user.</summary>
    ReturningUser = 2,
    /// <summary>A current user of this agency who needs access to new projects.</summary>
    NewProjectAccess = 3,
    /// <summary>Housing Resource Specialists and users of Coordinated Entry project 1474.</summary>
    HrsCe1474 = 4,
}
