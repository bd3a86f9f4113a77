namespace HmisPlatform.Requests.Domain.AccessRequests;

/// <summary>Policy numbers of the request forms (configuration section <c>AccessRequests</c>).</summary>
public sealed class AccessRequestRules
{
    /// <summary>Most users one NEW_AGENCY_USERS request may bundle.</summary>
    public int MaxBundleSize { get; set; } = 25;

    /// <summary>A person last active within this many months (or with current access) is a returning user.</summary>
    public int RecentActivityMonths { get; set; } = 6;
}
