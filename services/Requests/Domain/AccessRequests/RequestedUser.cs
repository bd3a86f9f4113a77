namespace HmisPlatform.Requests.Domain.AccessRequests;

/// <summary>A person named on a request; the person id is theirs for the whole journey.</summary>
public sealed class RequestedUser
{
    public Guid PersonId { get; private set; }

    public string GivenName { get; private set; } = "";

    public string FamilyName { get; private set; } = "";

    public string Email { get; private set; } = "";

    public RequestedUser(Guid personId, string givenName, string familyName, string email)
    {
        PersonId = personId;
        GivenName = givenName;
        FamilyName = familyName;
        Email = email;
    }

    private RequestedUser()
    {
    }
}
