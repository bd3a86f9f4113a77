using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Requests.Domain.Agencies;

/// <summary>A partner organisation of the CoC. It may request access only while it is in the HMIS with a current, signed APA.</summary>
public sealed class Agency
{
    public const string ApaNotCurrentReason = "AGENCY_APA_NOT_CURRENT";

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>Lower-case email domains of the agency; users' agency emails must be in one of them.</summary>
    public List<string> EmailDomains { get; private set; } = [];

    public bool InHmis { get; private set; }

    public DateOnly? ApaSignedOn { get; private set; }

    public DateOnly? ApaEndsOn { get; private set; }

    public Agency(Guid id, string name, IEnumerable<string> emailDomains, bool inHmis, DateOnly? apaSignedOn, DateOnly? apaEndsOn)
    {
        Id = id;
        Name = name;
        EmailDomains = emailDomains.Select(d => d.Trim().ToLowerInvariant()).ToList();
        InHmis = inHmis;
        ApaSignedOn = apaSignedOn;
        ApaEndsOn = apaEndsOn;
    }

    private Agency()
    {
    }

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

    public bool OwnsDomain(string domain) => EmailDomains.Contains(domain, StringComparer.Ordinal);
}
