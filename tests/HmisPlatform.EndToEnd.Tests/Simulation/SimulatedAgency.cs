using System.Net;
using Aspire.Hosting.Testing;
using Grpc.Net.Client;
using Hmis.Common.V1;
using Hmis.Credentialing.V1;
using Hmis.Gateway.V1;
using Hmis.Requests.V1;
using HmisPlatform.Testing;

namespace HmisPlatform.EndToEnd.Tests.Simulation;

/// <summary>
/// An agency the simulator makes for its own run, as the HMIS team would through the API: its domain, a current APA,
/// every project type, credits, its ATA (with a sign-in and their ATA training), and its case system, registered to act
/// for its people with their consent. Its ledger and accounts are the simulator's alone, so the invariants count exactly.
/// </summary>
public sealed class SimulatedAgency
{
    public const string Password = "Simulated-person-2026";
    public const int Credits = 5000;

    public required string Id { get; init; }

    public required string Domain { get; init; }

    public required string AtaId { get; init; }

    public required AgencySystem System { get; init; }

    /// <summary>The gateway as the agency's ATA calls it, through the agency's case system, signed in as themselves.</summary>
    public required GrpcChannel Ata { get; init; }

    public string Email(string local) => $"{local}@{Domain}";

    public static async Task<SimulatedAgency> CreateAsync(SimulatedPlatform platform, string name)
    {
        var slug = $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}"[..24];
        var domain = $"{slug}.sim.example.org";
        var agency = (await new Agencies.AgenciesClient(platform.HmisTeam).CreateAgencyAsync(new CreateAgencyRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = $"{name} (simulated)", EmailDomains = { domain }, InHmis = true,
            ApaSignedOn = "2025-01-01", ApaEndsOn = "2030-12-31",
            Projects = { Enum.GetValues<ProjectType>().Where(t => t != ProjectType.Unspecified).Select(t => new AgencyProject { Name = $"{name} {t}", ProjectType = t }) },
        })).Agency;
        await new LicenseCredits.LicenseCreditsClient(platform.HmisTeam).RecordCreditPurchaseAsync(new RecordCreditPurchaseRequest
        {
            RequestId = Guid.NewGuid().ToString(), AgencyId = agency.Id, Credits = Credits, Note = "simulation",
        });
        var system = await RegisterSystemAsync(platform, agency.Id, slug);

        // The ATA: a sign-in first (its id is theirs everywhere), then the agency's record of them and their training.
        var ataEmail = $"ata@{domain}";
        var invited = await new StaffAccounts.StaffAccountsClient(platform.HmisTeam).InviteStaffAccountAsync(new InviteStaffAccountRequest
        {
            Email = ataEmail, Role = "ata", AgencyId = agency.Id,
        });
        var administrator = (await new Agencies.AgenciesClient(platform.HmisTeam).AddAgencyAdministratorAsync(new AddAgencyAdministratorRequest
        {
            RequestId = Guid.NewGuid().ToString(), AgencyId = agency.Id, PersonId = invited.Account.UserId, FullName = $"{name} Ata", Email = ataEmail,
            Role = AdministratorRole.Ata,
        })).Administrator;
        await new Agencies.AgenciesClient(platform.HmisTeam).RecordAtaTrainingAsync(new RecordAtaTrainingRequest
        {
            RequestId = Guid.NewGuid().ToString(), AdministratorId = administrator.Id, Kind = AtaTrainingKind.LmsCourse,
            CompletedOn = HmisPlatform.BuildingBlocks.Domain.Continuum.DateOf(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", global::System.Globalization.CultureInfo.InvariantCulture),
        });
        await platform.SetPasswordAsync(await platform.InvitationPathAsync(ataEmail), ataEmail);
        var ata = platform.PersonThrough(system, ataEmail,
            [PlatformIdentity.RequestsRead, PlatformIdentity.RequestsWrite, PlatformIdentity.TrainingRead, PlatformIdentity.AssessmentRead, PlatformIdentity.CredentialsRead, PlatformIdentity.CredentialsWrite]);
        return new SimulatedAgency { Id = agency.Id, Domain = domain, AtaId = invited.Account.UserId, System = system, Ata = ata };
    }

    private static async Task<AgencySystem> RegisterSystemAsync(SimulatedPlatform platform, string agencyId, string slug)
    {
        var clientId = $"sim-{slug}";
        var registered = await new Clients.ClientsClient(platform.HmisTeam).RegisterClientAsync(new RegisterClientRequest
        {
            ClientId = clientId, DisplayName = "Simulated case system", AgencyId = agencyId,
            Scopes =
            {
                PlatformIdentity.RequestsRead, PlatformIdentity.RequestsWrite, PlatformIdentity.TrainingRead, PlatformIdentity.AssessmentRead,
                PlatformIdentity.AssessmentWrite, PlatformIdentity.CredentialsRead, PlatformIdentity.CredentialsWrite,
            },
            RedirectUris = { AgencySystem.LakeviewCaseSystem.RedirectUri.AbsoluteUri },
        });
        return new AgencySystem(clientId, registered.ClientSecret, AgencySystem.LakeviewCaseSystem.RedirectUri);
    }

    /// <summary>
    /// A trainee's sign-in (the link in their approval e-mail, where they set their password; none when they sign in
    /// here already) and their own channel through the system.
    /// </summary>
    public async Task<GrpcChannel> TraineeAsync(SimulatedPlatform platform, string accessRequestId, RequestedUser user)
    {
        if (await platform.Fixture.Mail().SignInPathAsync(user.Email, accessRequestId) is { } invitationPath)
        {
            await platform.SetPasswordAsync(invitationPath, user.Email);
        }
        return platform.PersonThrough(System, user.Email,
            [PlatformIdentity.TrainingRead, PlatformIdentity.AssessmentRead, PlatformIdentity.AssessmentWrite, PlatformIdentity.CredentialsRead, PlatformIdentity.CredentialsWrite]);
    }
}

/// <summary>The platform as the simulator reaches it: the gateway, the HMIS team, the LMS, and people's sign-ins.</summary>
public sealed class SimulatedPlatform(PlatformFixture platform)
{
    private readonly RenewingToken _hmisTeam = new(() => ClientToken(platform, GatewayTokens.ReviewDeskClientId, GatewayTokens.ReviewDeskSecret, PlatformIdentity.Scopes));
    private readonly RenewingToken _lms = new(() => ClientToken(platform, GatewayTokens.LmsClientId, GatewayTokens.LmsSecret,
        [PlatformIdentity.TrainingRead, PlatformIdentity.TrainingProgressWrite]));

    public Uri GatewayGrpc { get; } = platform.App.GetEndpoint(ResourceNames.Gateway, ResourceNames.GrpcEndpoint);

    public Uri GatewayHttp => platform.GatewayHttp;

    public GrpcChannel HmisTeam => field ??= _hmisTeam.Channel(GatewayGrpc);

    public GrpcChannel Lms => field ??= _lms.Channel(GatewayGrpc);

    public PlatformFixture Fixture => platform;

    /// <summary>A person who can sign in, acting through an agency's system: their consent gives it their own token, renewed as needed.</summary>
    public GrpcChannel PersonThrough(AgencySystem system, string email, IReadOnlyList<string> scopes) =>
        new RenewingToken(async () =>
        {
            using var browser = Browser();
            using var signedIn = await browser.SignInAsync(email, SimulatedAgency.Password);
            if (signedIn.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"{email} could not sign in: {(int)signedIn.StatusCode}");
            }
            return await PersonAuthorization.TokenThroughClientAsync(browser, system.ClientId, system.Secret, system.RedirectUri, scopes);
        }).Channel(GatewayGrpc);

    /// <summary>The person behind an invitation link sets their password (and their authenticator, where their role needs one).</summary>
    /// <summary>The set-password link e-mailed to an invited person.</summary>
    public Task<string> InvitationPathAsync(string email) => platform.Mail().InvitationPathAsync(email);

    public async Task SetPasswordAsync(string invitationPath, string email)
    {
        using var browser = Browser();
        using var set = await browser.SetPasswordAsync(invitationPath, email, SimulatedAgency.Password);
        if (set.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"The password was not set: {(int)set.StatusCode}");
        }
    }

    public StaffBrowser Browser() =>
        new(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = GatewayHttp });

    private static async Task<string> ClientToken(PlatformFixture platform, string clientId, string secret, IEnumerable<string> scopes)
    {
        using var http = new HttpClient { BaseAddress = platform.GatewayHttp };
        return await GatewayTokens.TokenAsync(http, clientId, secret, scopes);
    }
}
