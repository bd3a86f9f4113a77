using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Grpc.Net.Client;
using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.Gateway.Identity;
using HmisPlatform.Gateway.Staff;
using HmisPlatform.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>How long the token server's access tokens live.</summary>
    protected virtual TimeSpan AccessTokenLifetime => TimeSpan.FromMinutes(15);

    /// <summary>The secret of the platform's Notifications client (configuration <c>ServiceClients</c>), as a run gives it.</summary>
    public const string NotificationsSecret = "notifications-test-secret-4e1d9c2b7a";

    private WebApplicationFactory<Program>? _factory;

    private WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        var servers = await LocalServers.GetAsync();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            web.UseSetting($"ConnectionStrings:{ResourceNames.GatewayDb}", $"{servers.Postgres};Database=gatewaydb_{Guid.NewGuid():N}");
            web.UseSetting($"ConnectionStrings:{ResourceNames.Redis}", servers.Redis);
            web.UseSetting("RateLimits:PermitLimit", PermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            web.UseSetting("RateLimits:Window", Window.ToString());
            web.UseSetting("Auth:AccessTokenLifetime", AccessTokenLifetime.ToString());
            Configure(web);
            web.UseSetting($"services:{ResourceNames.RequestsApi}:{ResourceNames.GrpcEndpoint}:0", $"http://127.0.0.1:{FreePort.Next()}");
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

    /// <summary>Where the fixture's clients reach the gateway; a Production gateway is reached over HTTPS.</summary>
    protected virtual Uri BaseAddress => new("http://localhost");

    public HttpClient CreateHttpClient() => Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = BaseAddress });

    /// <summary>A browser of its own: keeps cookies, does not follow redirects.</summary>
    public HttpClient CreateBrowser() => Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = BaseAddress, AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A new person who signs in, with the demo password, for tests that lock or deactivate them.</summary>
    public async Task<StaffUser> NewPersonAsync(string role, Guid? agencyId = null)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var email = $"{role}.{Guid.NewGuid():N}@lakeview.example.org";
        var user = new StaffUser { Id = Guid.NewGuid(), UserName = email, Email = email, Role = role, AgencyId = agencyId };
        var created = await users.CreateAsync(user, DemoStaff.Password);
        Assert.True(created.Succeeded, string.Join(", ", created.Errors.Select(e => e.Code)));
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

/// <summary>The gateway as Production runs it (over HTTPS), for what Production refuses.</summary>
public sealed class ProductionGatewayFixture : GatewayFixture
{
    protected override Uri BaseAddress => new("https://localhost");

    protected override void Configure(IWebHostBuilder web) => web.UseEnvironment("Production");
}

/// <summary>The gateway with access tokens that live two seconds, to see one expire.</summary>
public sealed class ShortLivedTokensGatewayFixture : GatewayFixture
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);

    protected override TimeSpan AccessTokenLifetime => Lifetime;
}
