using System.Text.RegularExpressions;
using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Requests.Domain.Agencies;

/// <summary>What the HMIS team states about an agency, checked: a name, its email domains, its APA and its projects.</summary>
public sealed partial record AgencyProfile(
    string Name, IReadOnlyList<string> EmailDomains, bool InHmis, DateOnly? ApaSignedOn, DateOnly? ApaEndsOn, IReadOnlyList<AgencyProject> Projects)
{
    public const string NameRequiredReason = "AGENCY_NAME_REQUIRED";
    public const string InvalidDomainReason = "INVALID_EMAIL_DOMAIN";
    public const string InvalidApaDatesReason = "INVALID_APA_DATES";
    public const string InvalidProjectReason = "INVALID_PROJECT";
    public const int MaxNameLength = 200;

    public static AgencyProfile Create(
        string name, IEnumerable<string> emailDomains, bool inHmis, string apaSignedOn, string apaEndsOn, IEnumerable<(string Name, ProjectType Type)> projects)
    {
        var violations = new List<FieldViolation>();
        var trimmed = name.Trim();
        if (trimmed.Length is 0 or > MaxNameLength)
        {
            violations.Add(new FieldViolation("name", $"required, at most {MaxNameLength} characters", NameRequiredReason));
        }
        var domains = emailDomains.Select(d => d.Trim().ToLowerInvariant()).ToList();
        if (domains.Count == 0)
        {
            violations.Add(new FieldViolation("email_domains", "at least one domain", InvalidDomainReason));
        }
        for (var i = 0; i < domains.Count; i++)
        {
            if (!DomainPattern().IsMatch(domains[i]))
            {
                violations.Add(new FieldViolation($"email_domains[{i}]", "a domain such as agency.org, without @", InvalidDomainReason));
            }
        }
        var signed = IsoDate.Parse(apaSignedOn, "apa_signed_on");
        var ends = IsoDate.Parse(apaEndsOn, "apa_ends_on");
        if (ends is not null && (signed is null || ends < signed))
        {
            violations.Add(new FieldViolation("apa_ends_on", "after apa_signed_on, which it needs", InvalidApaDatesReason));
        }
        var list = projects.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(list[i].Name) || list[i].Name.Trim().Length > MaxNameLength || list[i].Type == ProjectType.Unspecified)
            {
                violations.Add(new FieldViolation($"projects[{i}]", "a name and a project type", InvalidProjectReason));
            }
        }
        if (violations.Count > 0)
        {
            throw DomainException.Invalid(violations[0].Reason!, "The agency's details are not valid.", [.. violations]);
        }
        return new AgencyProfile(trimmed, [.. domains.Distinct()], inHmis, signed, ends, [.. list.Select(p => new AgencyProject(p.Name.Trim(), p.Type))]);
    }

    [GeneratedRegex(@"^(?=.{3,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex DomainPattern();
}
