namespace HmisPlatform.Training.Infrastructure.Lms;

/// <summary>Which LMS the service talks to (configuration section <c>Lms</c>).</summary>
public sealed class LmsOptions
{
    /// <summary><c>BuiltIn</c> (default) or <c>TalentLms</c>.</summary>
    public string Mode { get; set; } = "BuiltIn";

    /// <summary>How often the sync enrols new paths and reads progress.</summary>
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromMinutes(5);

    public TalentLmsOptions TalentLms { get; set; } = new();
}

/// <summary>The CoC's TalentLMS domain (configuration section <c>Lms:TalentLms</c>).</summary>
public sealed class TalentLmsOptions
{
    /// <summary>The domain's API root, for example https://chicagococ.talentlms.com/api/v1/.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The API key (a secret: from user secrets or the environment, never from a committed file).</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>The TalentLMS course id of each catalog course code.</summary>
    public Dictionary<string, string> Courses { get; set; } = [];

    /// <summary>The documented limit: 200 calls per 5 seconds; the connector stays under it.</summary>
    public int RequestsPerWindow { get; set; } = 200;

    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(5);
}
