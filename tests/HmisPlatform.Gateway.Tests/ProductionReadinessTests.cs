using HmisPlatform.BuildingBlocks.Hosting;
using HmisPlatform.Gateway.Identity;
using HmisPlatform.Gateway.Security;
using HmisPlatform.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace HmisPlatform.Gateway.Tests;

/// <summary>ASVS 5.0 V13.1 / V13.2: Production will not start unsafe, and says every setting that is missing, never a value.</summary>
[Trait("ASVS", "13.3.1")]
public sealed class ProductionReadinessTests
{
    private const string DemoSecret = "notifications-demo-secret";

    [Trait("ASVS", "13.1.1")]
    [Trait("ASVS", "13.2.1")]
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task Deployed_WithoutKeysTlsOrRealSecrets_TheGatewayRefusesToStart_NamingEachSetting(string environment)
    {
        var servers = await LocalServers.GetAsync();
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment(environment);
            web.UseSetting($"ConnectionStrings:{ResourceNames.GatewayDb}", $"{servers.Postgres};Database=gatewaydb_{Guid.NewGuid():N}");
            web.UseSetting($"ConnectionStrings:{ResourceNames.Redis}", servers.Redis);
            web.UseSetting("Auth:Issuer", "http://hmis.example.org/");
            web.UseSetting($"{PlatformServiceClients.Section}:{ResourceNames.NotificationsApi}", DemoSecret);
        });

        var refused = Assert.Throws<OptionsValidationException>(() => factory.Services);

        Assert.Collection(refused.Failures,
            f => Assert.Contains(PlatformDataProtection.CertificateSetting, f, StringComparison.Ordinal),
            f => Assert.Contains(SigningKeys.FolderSetting, f, StringComparison.Ordinal),
            f => Assert.Contains(PlatformServiceClients.Section, f, StringComparison.Ordinal),
            f => Assert.Contains(GatewayTransport.KnownProxiesSetting, f, StringComparison.Ordinal),
            f => Assert.Contains("Auth:Issuer", f, StringComparison.Ordinal));
        Assert.All(refused.Failures, f => Assert.StartsWith("Production will not start: ", f, StringComparison.Ordinal));
        Assert.DoesNotContain(DemoSecret, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InTests_PlainHttpAndThrowawayKeys_Start_AsInTheLocalRun()
    {
        var servers = await LocalServers.GetAsync();
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            web.UseSetting($"ConnectionStrings:{ResourceNames.GatewayDb}", $"{servers.Postgres};Database=gatewaydb_{Guid.NewGuid():N}");
            web.UseSetting($"ConnectionStrings:{ResourceNames.Redis}", servers.Redis);
            web.UseSetting("Auth:Issuer", "http://localhost/");
        });

        Assert.NotNull(factory.Services);
    }
}
