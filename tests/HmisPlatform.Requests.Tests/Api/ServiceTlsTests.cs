using System.Net;
using System.Security.Authentication;
using Grpc.Core;
using Grpc.Net.Client;
using Hmis.Requests.V1;
using HmisPlatform.Testing;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HmisPlatform.Requests.Tests.Api;

/// <summary>
/// ASVS 5.0 V12.3 / HUD 4.3.2 (encryption in transit): between services, calls go over TLS, and a caller trusts a
/// service's certificate when it chains to the platform's CA (<c>Tls:CertificateAuthority</c>), not otherwise.
/// </summary>
public sealed class ServiceTlsTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hmis-tls-").FullName;
    private readonly int _port = FreePort.Next();
    private WebApplicationFactory<Program>? _service;

    private Uri Address => new($"https://127.0.0.1:{_port}");

    public async Task InitializeAsync()
    {
        var authority = TestCertificates.Authority("CN=HmisPlatform test CA");
        authority.WritePem(_folder, "platform-ca.pem");
        var certificate = TestCertificates.ServerIssuedBy(authority);
        var servers = await LocalServers.GetAsync();
        _service = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            web.UseSetting($"ConnectionStrings:{ResourceNames.RequestsDb}", $"{servers.Postgres};Database=requestsdb_{Guid.NewGuid():N}");
            web.UseSetting($"ConnectionStrings:{ResourceNames.Redis}", servers.Redis);
            web.ConfigureServices(services => services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, TestTokens.Trust));
        });
        _service.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, _port, listen => listen.UseHttps(certificate)));
        _service.StartServer();
    }

    private HttpMessageHandler HandlerTrusting(string authorityPem) =>
        HmisPlatform.PlatformTls.CreateHandler(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [HmisPlatform.PlatformTls.CertificateAuthoritySetting] = authorityPem }).Build());

    [Trait("ASVS", "12.3.1")]
    [Trait("ASVS", "12.3.3")]
    [Fact]
    public async Task ACallerTrustingThePlatformCa_ReachesTheServiceOverTls()
    {
        using var channel = GrpcChannel.ForAddress(Address, new GrpcChannelOptions
        {
            HttpHandler = HandlerTrusting(Path.Combine(_folder, "platform-ca.pem")),
        });

        var answer = await RpcErrors.CatchAsync(() => new AccessRequests.AccessRequestsClient(channel)
            .GetJourneyAsync(new GetJourneyRequest { PersonId = Guid.NewGuid().ToString() }).ResponseAsync);

        // The service itself answered over TLS: its own refusal of a call without a token.
        Assert.Equal(StatusCode.Unauthenticated, answer.StatusCode);
        Assert.Equal("TOKEN_MISSING", answer.Reason());
    }

    [Trait("ASVS", "12.3.1")]
    [Trait("ASVS", "12.3.3")]
    [Fact]
    public async Task ACallerTrustingAnotherCa_OrOnlyTheSystemsRoots_IsRefusedTheConnection()
    {
        var other = TestCertificates.Authority("CN=Someone else's CA");
        var otherPem = other.WritePem(_folder, "other-ca.pem");

        foreach (var handler in new[] { HandlerTrusting(otherPem), new SocketsHttpHandler() })
        {
            using var http = new HttpClient(handler);
            var refused = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri(Address, "/alive")));
            Assert.IsType<AuthenticationException>(refused.InnerException);
        }
    }

    [Trait("ASVS", "13.1.1")]
    [Trait("ASVS", "13.2.1")]
    [Fact]
    public async Task InProduction_PlainHttpBetweenServices_IsRefusedAtStart_NamingTheSettings()
    {
        var servers = await LocalServers.GetAsync();
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production");
            web.UseSetting($"ConnectionStrings:{ResourceNames.RequestsDb}", $"{servers.Postgres};Database=requestsdb_{Guid.NewGuid():N}");
            web.UseSetting($"ConnectionStrings:{ResourceNames.Redis}", servers.Redis);
            web.UseSetting("urls", "http://0.0.0.0:8080");
            web.UseSetting($"services:{ResourceNames.CredentialingApi}:{ResourceNames.GrpcEndpoint}:0", "http://credentialing-api:8081");
            web.UseSetting("Auth:Authority", "https://hmis.example.org/");
            web.UseSetting("Auth:ClientSecret", new string('s', 40));
        });

        var refused = Assert.Throws<OptionsValidationException>(() => factory.Services);

        Assert.Equal(2, refused.Failures.Count());
        Assert.Contains(refused.Failures, f => f.Contains("Kestrel", StringComparison.Ordinal));
        Assert.Contains(refused.Failures, f => f.Contains("services:", StringComparison.Ordinal));
    }

    public async Task DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }
        TemporaryFolders.Delete(_folder);
    }
}
