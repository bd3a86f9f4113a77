using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Requests.Domain.Agencies;

/// <summary>A partner organisation of the CoC. It may request access only while it is in the HMIS with a current, signed APA.</summary>
public sealed class Agency
{
    public const string ApaNotCurrentReason = "AGENCY_APA_NOT_CURRENT";
    public const string ProjectNotAtAgencyReason = "PROJECT_NOT_AT_AGENCY";

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>Lower-case email domains of the agency; users' agency emails must be in one of them.</summary>
    public List<string> EmailDomains { get; private set; } = [];

    public bool InHmis { get; private set; }

    public DateOnly? ApaSignedOn { get; private set; }

    public DateOnly? ApaEndsOn { get; private set; }

    public List<AgencyProject> Projects { get; private set; } = [];

    public Agency(Guid id, AgencyProfile profile)
    {
        Id = id;
        Update(profile);
    }

    private Agency()
    {
    }

    public void Update(AgencyProfile profile)
    {
        Name = profile.Name;
        EmailDomains = [.. profile.EmailDomains];
        InHmis = profile.InHmis;
        ApaSignedOn = profile.ApaSignedOn;
        ApaEndsOn = profile.ApaEndsOn;
        Projects = [.. profile.Projects];
    }

    /// <summary>Whether the agency is as the profile states it (its projects by name and type).</summary>
    public bool Matches(AgencyProfile profile) =>
        Name == profile.Name && InHmis == profile.InHmis && ApaSignedOn == profile.ApaSignedOn && ApaEndsOn == profile.ApaEndsOn
        && EmailDomains.Order().SequenceEqual(profile.EmailDomains.Order()) && Projects.OrderBy(p => p.ProjectType).SequenceEqual(profile.Projects.OrderBy(p => p.ProjectType));

    public bool HasCurrentApa(DateOnly today) =>
        InHmis && ApaSignedOn is { } signed && signed <= today && (ApaEndsOn is not { } ends || today <= ends);

    public void EnsureMayRequestAccess(DateOnly today)
    {
        if (!HasCurrentApa(today))
        {
            throw DomainException.Precondition(ApaNotCurrentReason,
                "Only agencies in the HMIS with a current, signed Agency Participation Agreement may request access.",
                new PreconditionViolation("APA", $"agencies/{Id}", "no current, signed APA"));
        }
    }

    /// <summary>A request may name only project types the agency runs a project of.</summary>
    public void EnsureRuns(IReadOnlyList<ProjectType> projectTypes)
    {
        var violations = projectTypes
            .Select((type, i) => (type, i))
            .Where(p => !Projects.Any(project => project.ProjectType == p.type))
            .Select(p => new FieldViolation($"access.project_types[{p.i}]", "the agency has no project of this type", ProjectNotAtAgencyReason))
            .ToArray();
        if (violations.Length > 0)
        {
            throw DomainException.Invalid(ProjectNotAtAgencyReason, "A request may name only project types the agency runs.", violations);
        }
    }

    /// <summary>Names a person ATA or Supervisor of the agency; their email must be one of the agency's.</summary>
    public AgencyAdministrator Appoint(Guid personId, string fullName, string email, AdministratorRole role, DateOnly today)
    {
        var name = fullName.Trim();
        if (name.Length is 0 or > AgencyProfile.MaxNameLength)
        {
            throw DomainException.Invalid(AccessRequests.Submission.NameRequiredReason, "Give the person's full name.",
                new FieldViolation("full_name", $"required, at most {AgencyProfile.MaxNameLength} characters", AccessRequests.Submission.NameRequiredReason));
        }
        var address = EmailAddress.Parse(email, "email");
        if (!OwnsDomain(address.Domain))
        {
            throw DomainException.Invalid(AccessRequests.Submission.EmailNotAgencyDomainReason, "An administrator's email is an email of the agency.",
                new FieldViolation("email", "not in one of the agency's email domains", AccessRequests.Submission.EmailNotAgencyDomainReason));
        }
        return new AgencyAdministrator(personId, Id, name, address.Value, role, today);
    }

    public bool OwnsDomain(string domain) => EmailDomains.Contains(domain, StringComparer.Ordinal);
}
