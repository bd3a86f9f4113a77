namespace HmisPlatform.Requests.Domain.Journeys;

/// <summary>
/// The four steps plus the request itself, in order. Stored by these numbers: never renumber a member.
/// </summary>
public enum JourneyStage
{
    Unspecified = 0,
    /// <summary>Step 1: the Request for Training and its review.</summary>
    Request = 1,
    /// <summary>Step 2: LMS training courses.</summary>
    Training = 2,
    /// <summary>Step 3: the Sample Client Assignment.</summary>
    Assessment = 3,
    /// <summary>Step 4: live credentials and the End User Agreement.</summary>
    Credentials = 4,
    /// <summary>Done: live credentials issued.</summary>
    Complete = 5,
    /// <summary>Access removed later (inactivity or deactivation); a new request starts over.</summary>
    AccessRemoved = 6,
}
