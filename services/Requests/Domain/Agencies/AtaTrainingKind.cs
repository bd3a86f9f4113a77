namespace HmisPlatform.Requests.Domain.Agencies;

/// <summary>
/// How an ATA completed the ATA training. Stored by these numbers: never renumber a member.
/// </summary>
public enum AtaTrainingKind
{
    Unspecified = 0,
    /// <summary>Attended a live session.</summary>
    LiveSession = 1,
    /// <summary>Completed the LMS course "HMIS Access Process".</summary>
    LmsCourse = 2,
    /// <summary>Completed before go-live, as the import stated it (the kind was not recorded).</summary>
    BeforeGoLive = 3,
}
