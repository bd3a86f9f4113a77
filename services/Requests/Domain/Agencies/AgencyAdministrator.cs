namespace HmisPlatform.Requests.Domain.Agencies;

/// <summary>An Agency Technical Administrator (ATA): validates new hires and submits their requests.</summary>
public sealed class AgencyAdministrator
{
    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    public string FullName { get; private set; } = "";

    public string Email { get; private set; } = "";

    public AgencyAdministrator(Guid id, Guid agencyId, string fullName, string email)
    {
        Id = id;
        AgencyId = agencyId;
        FullName = fullName;
        Email = email;
    }

    private AgencyAdministrator()
    {
    }
}
