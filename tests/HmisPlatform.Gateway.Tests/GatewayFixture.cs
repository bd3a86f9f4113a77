using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Grpc.Net.Client;
using HmisPlatform.BuildingBlocks.Hosting;
using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.Gateway.Identity;
using HmisPlatform.Gateway.Security;
using HmisPlatform.Gateway.Staff;
using HmisPlatform.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace HmisPlatform.Gateway.Tests;

/// <summary>
/// The gateway in-process on its own database with the demo clients, a small rate limit, and a backend address
/// where nothing listens: these tests are about what the gateway decides before it proxies.
/// </summary>
public class GatewayFixture : IAsyncLifetime
{
    /// <summary>Calls per caller per window; generous, except for the rate limit's own tests.</summary>
    protected virtual int PermitLimit => 10_000;

    protected virtual TimeSpan Window => TimeSpan.FromMinutes(1);

    /// <summary>Further settings of a fixture's gateway.</summary>
    protected virtual void Configure(IWebHostBuilder web)
    {
    }

    /// <summary>The secret of the platform's Notifications client (configuration <c>ServiceClients</c>), as a run gives it.</summary>
    public const string NotificationsSecret = "notifications-test-secret-4e1d9c2b7a";

    private WebApplicationFactory<Program>? _factory;

    private WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        // The demo ATAs' and Supervisor's apps; the HMIS and CE teams' codes are entered by the tests about them.
        foreach (var person in DemoStaff.All.Where(p => p.Role is Gateway.Domain.StaffRoles.Ata or Gateway.Domain.StaffRoles.Supervisor))
        {
            Authenticators.Remember(person.Email, person.AuthenticatorKey!);
        }
        var servers = await LocalServers.GetAsync();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            web.UseSetting($"ConnectionStrings:{ResourceNames.GatewayDb}", $"{servers.Postgres};Database=gatewaydb_{Guid.NewGuid():N}");
            web.UseSetting($"ConnectionStrings:{ResourceNames.Redis}", servers.Redis);
            web.UseSetting("RateLimits:PermitLimit", PermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            web.UseSetting("RateLimits:Window", Window.ToString());
            web.UseSetting($"services:{ResourceNames.RequestsApi}:{ResourceNames.GrpcEndpoint}:0", $"http://127.0.0.1:{FreePort.Next()}");
            web.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<IInvitationMail>(Invitations)));
            Configure(web);
        });
        await DatabaseMigrations.MigrateAsync<GatewayDbContext>(_factory.Services, async (_, ct) =>
        {
            await TokenServer.SeedDemoAsync(_factory.Services, ct);
            // The platform's Notifications client, as a run registers it (its database exists only now).
            var serviceClients = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"{PlatformServiceClients.Section}:{ResourceNames.NotificationsApi}"] = NotificationsSecret,
            }).Build();
            await new PlatformServiceClients(_factory.Services.GetRequiredService<IServiceScopeFactory>(), serviceClients, TimeProvider.System).StartAsync(ct);
        });
    }

    public IServiceProvider Services => Factory.Services;

    /// <summary>The invitation e-mails sent, by address (the Notifications service is not running here).</summary>
    public InvitationInbox Invitations { get; } = new();

    /// <summary>Where the fixture's clients reach the gateway; a Production gateway is reached over HTTPS.</summary>
    protected virtual Uri BaseAddress => new("http://localhost");

    public HttpClient CreateHttpClient() => Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = BaseAddress });

    /// <summary>A browser of its own: keeps cookies, does not follow redirects; it reaches the gateway at <paramref name="address"/> if given.</summary>
    public HttpClient CreateBrowser(Uri? address = null) =>
        Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = address ?? BaseAddress, AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>
    /// A new person who signs in, with the demo password, for tests that lock or deactivate them; with the
    /// authenticator their role needs, set up (and known to test browsers), unless <paramref name="withAuthenticator"/> is false.
    /// </summary>
    public async Task<StaffUser> NewPersonAsync(string role, Guid? agencyId = null, bool withAuthenticator = true)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var email = $"{role}.{Guid.NewGuid():N}@lakeview.example.org";
        var user = new StaffUser { Id = Guid.NewGuid(), UserName = email, Email = email, Role = role, AgencyId = agencyId };
        var created = await users.CreateAsync(user, DemoStaff.Password);
        Assert.True(created.Succeeded, string.Join(", ", created.Errors.Select(e => e.Code)));
        if (withAuthenticator && Gateway.Domain.StaffRoles.RequiresTwoFactor(role))
        {
            var key = users.GenerateNewAuthenticatorKey();
            Assert.True((await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", key)).Succeeded);
            Assert.True((await users.SetTwoFactorEnabledAsync(user, true)).Succeeded);
            Authenticators.Remember(email, key);
        }
        return user;
    }

    /// <summary>Asks the token endpoint for a client-credentials token; the answer as it came.</summary>
    public async Task<HttpResponseMessage> RequestTokenAsync(string clientId, string secret, string scope = PlatformIdentity.RequestsRead)
    {
        using var http = CreateHttpClient();
        return await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = scope,
        }));
    }

    public async Task<string> TokenAsync(string clientId, string secret, string scope = PlatformIdentity.RequestsRead)
    {
        using var response = await RequestTokenAsync(clientId, secret, scope);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
    }

    /// <summary>A channel whose calls carry the HMIS team review desk's token.</summary>
    public async Task<GrpcChannel> HmisTeamChannelAsync() =>
        ChannelWithToken(await TokenAsync(DemoClients.ReviewDeskClientId, DemoClients.ReviewDeskSecret));

    public GrpcChannel ChannelWithToken(string? token) =>
        GrpcChannel.ForAddress(BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = new BearerTokenHandler(token, Factory.Server.CreateHandler()),
        });

    public virtual async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    private sealed record TokenResponse([property: JsonPropertyName("access_token")] string AccessToken);
}

/// <summary>The gateway with a small rate limit, for the limit's own tests.</summary>
public sealed class RateLimitedGatewayFixture : GatewayFixture
{
    public const int Limit = 3;
    public static readonly TimeSpan LimitWindow = TimeSpan.FromSeconds(3);

    protected override int PermitLimit => Limit;

    protected override TimeSpan Window => LimitWindow;
}

/// <summary>
/// The gateway as Production runs it, with everything Production will not start without: signing certificates, the
/// Data Protection key certificate, an HTTPS issuer, and a trusted proxy that ends TLS (127.0.0.1). Calls come from
/// that proxy over HTTPS unless a test says otherwise (<see cref="RemoteAddressHeader"/>, another scheme).
/// </summary>
public sealed class ProductionGatewayFixture : GatewayFixture
{
    public const string TrustedProxy = "127.0.0.1";

    /// <summary>A test's request header that sets the address the call comes from (the trusted proxy otherwise).</summary>
    public const string RemoteAddressHeader = "X-Test-Remote-Address";

    private readonly string _folder = Directory.CreateTempSubdirectory("hmis-production-").FullName;

    protected override Uri BaseAddress => new("https://localhost");

    protected override void Configure(IWebHostBuilder web)
    {
        web.UseEnvironment("Production");
        var signing = Directory.CreateDirectory(Path.Combine(_folder, "signing")).FullName;
        TestCertificates.SelfSigned("CN=hmis-signing").WritePfx(signing, "signing.pfx");
        web.UseSetting(SigningKeys.FolderSetting, signing);
        web.UseSetting(SigningKeys.PasswordSetting, TestCertificates.Password);
        web.UseSetting(PlatformDataProtection.CertificateSetting, TestCertificates.SelfSigned("CN=hmis-data-protection").WritePfx(_folder, "data-protection.pfx"));
        web.UseSetting(PlatformDataProtection.CertificatePasswordSetting, TestCertificates.Password);
        web.UseSetting("Auth:Issuer", "https://localhost/");
        web.UseSetting(GatewayTransport.KnownProxiesSetting, TrustedProxy);
        web.UseSetting($"services:{ResourceNames.RequestsApi}:{ResourceNames.GrpcEndpoint}:0", $"https://127.0.0.1:{FreePort.Next()}");
        web.ConfigureServices(services => services.AddTransient<IStartupFilter, RemoteAddressFromHeader>());
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        TemporaryFolders.Delete(_folder);
    }

    /// <summary>The test server has no connection: each call comes from the trusted proxy, or the address a test names.</summary>
    private sealed class RemoteAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                http.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(
                    http.Request.Headers.TryGetValue(RemoteAddressHeader, out var address) ? address.ToString() : TrustedProxy);
                return nextMiddleware(http);
            });
            next(app);
        };
    }
}

/// <summary>
/// A gateway whose clock the test moves, for what runs on the gateway's TimeProvider: a session's limits, and an
/// access token's lifetime (OpenIddict reads the TimeProvider it finds registered).
/// </summary>
public sealed class MovableClockGatewayFixture : GatewayFixture
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void Configure(IWebHostBuilder web) =>
        web.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
}
