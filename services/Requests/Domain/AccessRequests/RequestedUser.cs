namespace HmisPlatform.Requests.Domain.AccessRequests;

/// <summary>
/// A person named on a request; the person id is theirs for every request and account. While the request is open,
/// the database lets no other open request of the agency name the same email or person.
/// </summary>
public sealed class RequestedUser
{
    public Guid PersonId { get; private set; }

    public Guid AgencyId { get; private set; }

    public string GivenName { get; private set; } = "";

    public string FamilyName { get; private set; } = "";

    public string Email { get; private set; } = "";

    public string LmsUsername { get; private set; } = "";

    /// <summary>A copy of whether the request is open, for the unique index of one open request per person and agency.</summary>
    public bool IsOpen { get; private set; }

    public RequestedUser(Guid personId, Guid agencyId, string givenName, string familyName, string email, string lmsUsername)
    {
        PersonId = personId;
        AgencyId = agencyId;
        GivenName = givenName;
        FamilyName = familyName;
        Email = email;
        LmsUsername = lmsUsername;
        IsOpen = true;
    }

    private RequestedUser()
    {
    }

    /// <summary>When this person's way to step 4 ended without credentials (training or assignment lapsed).</summary>
    public DateTimeOffset? LapsedAt { get; private set; }

    internal void Close() => IsOpen = false;

    internal void Lapse(DateTimeOffset now)
    {
        LapsedAt ??= now;
        IsOpen = false;
    }
}
