namespace HmisPlatform.BuildingBlocks.Domain;

/// <summary>
/// Who is calling, as their token says: an agency's system acts only within its agency; the HMIS team acts on
/// every agency. Another agency's data answers exactly like data that does not exist, so ids reveal nothing.
/// People carry their role (ata, supervisor, trainee, ce_team, hmis_team); an agency's system carries none. An agency's
/// system acting for a signed-in person (authorization code with PKCE) is that person, through its client id.
/// </summary>
public sealed record Caller(string Subject, Guid? AgencyId, bool IsHmisTeam, string? Role = null, string? ClientId = null)
{
    public const string AtaRole = PlatformIdentity.AtaRole;
    public const string SupervisorRole = PlatformIdentity.SupervisorRole;
    public const string TraineeRole = PlatformIdentity.TraineeRole;
    public const string CeTeamRole = PlatformIdentity.CeTeamRole;
    public const string PlatformServiceRole = PlatformIdentity.PlatformServiceRole;
    public const string LmsRole = PlatformIdentity.LmsRole;

    /// <summary>The Lead Coordinated Entry team: decides HRS / 1474 requests.</summary>
    public bool IsCeTeam => Role == CeTeamRole;

    /// <summary>One of the platform's own services (Requests asking Credentialing), with its own client identity.</summary>
    public bool IsPlatformService => Role == PlatformServiceRole;

    /// <summary>The LMS's own integration, which reports course progress.</summary>
    public bool IsLms => Role == LmsRole;

    /// <summary>Who did something, for the append-only records of each step.</summary>
    public Actor AsActor() => new(Subject, Role ?? (IsAgencySystem ? Actor.AgencySystemRole : ""), ClientId ?? "");

    /// <summary>A service of the platform as the actor of what it does itself, for example on an event.</summary>
    public static Caller Service(string name) => new(name, null, false, PlatformServiceRole);

    /// <summary>An agency's own system (a registered client), not a person.</summary>
    public bool IsAgencySystem => Role is null && AgencyId is not null;

    /// <summary>The person with this id, signed in themselves.</summary>
    public bool IsPerson(Guid personId) => Role is not null && Subject == personId.ToString();

    /// <summary>A trainee signed in: they see only what is theirs, never the rest of their agency.</summary>
    public bool IsTrainee => Role == TraineeRole;

    /// <summary>An ATA or Supervisor of the agency, signed in themselves.</summary>
    public bool IsAdministratorOf(Guid agencyId) => Role is AtaRole or SupervisorRole && AgencyId == agencyId;

    public const string NotAvailableReason = "NOT_AVAILABLE";
    public const string AgencyNotPermittedReason = "AGENCY_NOT_PERMITTED";
    public const string HmisTeamOnlyReason = "HMIS_TEAM_ONLY";

    public bool MayActFor(Guid agencyId) => IsHmisTeam || AgencyId == agencyId;

    /// <summary>Refuses anyone but the HMIS team (its people and its systems, such as the HMIS's own integration).</summary>
    /// <param name="doing">What only the HMIS team does, for the message: "records credits".</param>
    public Caller EnsureHmisTeam(string doing) =>
        IsHmisTeam ? this : throw DomainException.PermissionDenied(HmisTeamOnlyReason, $"Only the HMIS team {doing}.");

    /// <summary>Refuses anyone but the HMIS team and the platform's own services acting for the process.</summary>
    public Caller EnsureHmisTeamOrPlatform(string doing) =>
        IsHmisTeam || IsPlatformService ? this : throw DomainException.PermissionDenied(HmisTeamOnlyReason, $"Only the HMIS team {doing}.");

    /// <summary>
    /// An agency's own data as a whole (its credits, its lists): its people and systems and the HMIS team may read
    /// it, a trainee may not; another agency's answers like one that does not exist.
    /// </summary>
    public Guid EnsureMayReadAgency(Guid agencyId) =>
        MayActFor(agencyId) && !IsTrainee
            ? agencyId
            : throw DomainException.PermissionDenied(NotAvailableReason, "Nothing with that id is available to you.");

    /// <summary>
    /// The agency a list is limited to: the one named, when the caller may read it; else every agency (null) for the
    /// HMIS team, and the caller's own agency for anyone else.
    /// </summary>
    public Guid? AgencyToList(Guid? named) =>
        named is { } agency ? EnsureMayReadAgency(agency) : IsHmisTeam ? null : EnsureMayReadAgency(AgencyId ?? Guid.Empty);

    /// <summary>Refuses acting for another agency than the caller's own.</summary>
    public void EnsureMayActFor(Guid agencyId, string field)
    {
        if (!MayActFor(agencyId))
        {
            throw DomainException.PermissionDenied(AgencyNotPermittedReason, "You may act only for your own agency.",
                new FieldViolation(field, "not your agency", AgencyNotPermittedReason));
        }
    }

    /// <summary>
    /// The resource when the caller may see it: a resource of no one person (an access request, an agency's credits),
    /// which a trainee never sees. For the HMIS team a missing one is NOT_FOUND; for everyone else a missing one and
    /// someone else's both get the same PERMISSION_DENIED.
    /// </summary>
    public T EnsureMayRead<T>(T? resource, Func<T, Guid> agencyOf, string what)
        where T : class => EnsureMayRead(resource, agencyOf, personOf: null, what);

    /// <summary>The resource of one person when the caller may see it: their agency, or the person themselves when a trainee.</summary>
    public T EnsureMayRead<T>(T? resource, Func<T, Guid> agencyOf, Func<T, Guid>? personOf, string what)
        where T : class
    {
        if (resource is not null && MayActFor(agencyOf(resource)) && (!IsTrainee || (personOf is not null && IsPerson(personOf(resource)))))
        {
            return resource;
        }
        if (IsHmisTeam)
        {
            throw DomainException.NotFound($"{what}_NOT_FOUND", "Nothing was found with that id.");
        }
        throw DomainException.PermissionDenied(NotAvailableReason, "Nothing with that id is available to you.");
    }

    /// <summary>Whether a list may show the person's items: a trainee's lists hold only their own.</summary>
    public bool MayListPerson(Guid personId) => !IsTrainee || IsPerson(personId);
}
