using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Credentialing.Domain.Applicants;

/// <summary>This service's copy of an approved person, kept from AccessRequestApproved, for creating their account later.</summary>
public sealed class Applicant
{
    public Guid PersonId { get; private set; }

    public Guid AccessRequestId { get; private set; }

    public Guid AgencyId { get; private set; }

    public string GivenName { get; private set; } = "";

    public string FamilyName { get; private set; } = "";

    public string Email { get; private set; } = "";

    public List<ProjectType> ProjectTypes { get; private set; } = [];

    /// <summary>When Help Desk access (no assignment) finished its training, so the Help Desk may be notified.</summary>
    public DateTimeOffset? HelpDeskReadyAt { get; private set; }

    public void ReadyForHelpDesk(DateTimeOffset now) => HelpDeskReadyAt ??= now;

    public Applicant(Guid personId, Guid accessRequestId, Guid agencyId, string givenName, string familyName, string email, IEnumerable<ProjectType> projectTypes)
    {
        PersonId = personId;
        AccessRequestId = accessRequestId;
        AgencyId = agencyId;
        GivenName = givenName;
        FamilyName = familyName;
        Email = email;
        ProjectTypes = [.. projectTypes];
    }

    private Applicant()
    {
    }

    public string FullName => $"{GivenName} {FamilyName}";
}
