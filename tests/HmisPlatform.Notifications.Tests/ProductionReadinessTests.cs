using HmisPlatform.BuildingBlocks.Hosting;
using HmisPlatform.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace HmisPlatform.Notifications.Tests;

/// <summary>ASVS 5.0 V13.2 / V12.1: Production Notifications will not send people's links in clear or keep them under an open key.</summary>
[Trait("ASVS", "12.1")]
public sealed class ProductionReadinessTests
{
    [Trait("ASVS", "13.1.1")]
    [Trait("ASVS", "13.2.1")]
    [Fact]
    public async Task InProduction_PlainSmtpPlainHttpAndADemoSecret_AreEachRefusedAtStart_NamingTheSetting()
    {
        var servers = await LocalServers.GetAsync();
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production");
            web.UseSetting($"ConnectionStrings:{ResourceNames.NotificationsDb}", $"{servers.Postgres};Database=notificationsdb_{Guid.NewGuid():N}");
            web.UseSetting($"ConnectionStrings:{ResourceNames.Redis}", servers.Redis);
            web.UseSetting("Smtp:RequireTls", "false");
            web.UseSetting("Notifications:UiBaseUrl", "http://hmis.example.org/");
            web.UseSetting("Auth:Authority", "http://gateway.example.org/");
            web.UseSetting("Auth:ClientSecret", "notifications-demo-secret");
        });

        var refused = Assert.Throws<OptionsValidationException>(() => factory.Services);

        foreach (var setting in new[] { "Smtp:RequireTls", "Notifications:UiBaseUrl", "Auth:Authority", "Auth:ClientSecret", PlatformDataProtection.CertificateSetting })
        {
            Assert.Contains(refused.Failures, f => f.Contains(setting, StringComparison.Ordinal));
        }
        Assert.DoesNotContain("notifications-demo-secret", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartTls_IsOnUnlessTurnedOff()
    {
        Assert.True(new Infrastructure.SmtpOptions().RequireTls);
    }
}
