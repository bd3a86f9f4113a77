using HmisPlatform.Gateway.Domain;
using HmisPlatform.Gateway.Identity;
using HmisPlatform.Gateway.Staff;
using HmisPlatform.Testing;

namespace HmisPlatform.Gateway.Tests;

/// <summary>ASVS 5.0 V7.3.1 and V7.3.2 through the gateway: a session ends after 30 idle minutes, and 12 hours after sign-in.</summary>
public sealed class SessionLimitTests(MovableClockGatewayFixture gateway) : IClassFixture<MovableClockGatewayFixture>
{
    [Trait("ASVS", "7.3.1")]
    [Trait("ASVS", "7.3.2")]
    [Fact]
    public async Task ASessionLeftIdleForThirtyMinutes_Ends()
    {
        using var browser = new StaffBrowser(gateway.CreateBrowser());
        var person = await gateway.NewPersonAsync(StaffRoles.Ata, Guid.Parse(DemoClients.LakeviewAgencyId));
        await browser.SignInAsync(person.Email!, DemoStaff.Password);

        gateway.Clock.Advance(SessionLimits.IdleTimeout - TimeSpan.FromMinutes(2));
        Assert.True(await browser.IsSignedInAsync());
        gateway.Clock.Advance(SessionLimits.IdleTimeout + TimeSpan.FromMinutes(1));

        Assert.False(await browser.IsSignedInAsync());
    }

    [Trait("ASVS", "7.3.1")]
    [Trait("ASVS", "7.3.2")]
    [Fact]
    public async Task ASessionInUseAllDay_EndsTwelveHoursAfterSignIn()
    {
        using var browser = new StaffBrowser(gateway.CreateBrowser());
        var person = await gateway.NewPersonAsync(StaffRoles.Ata, Guid.Parse(DemoClients.LakeviewAgencyId));
        await browser.SignInAsync(person.Email!, DemoStaff.Password);
        var signedIn = gateway.Clock.GetUtcNow();

        // Busy all day: a request every 20 minutes keeps the session from idling out...
        while (gateway.Clock.GetUtcNow() - signedIn < SessionLimits.AbsoluteLifetime - TimeSpan.FromMinutes(20))
        {
            gateway.Clock.Advance(TimeSpan.FromMinutes(20));
            Assert.True(await browser.IsSignedInAsync(), $"signed out {gateway.Clock.GetUtcNow() - signedIn} after signing in");
        }
        // ...until twelve hours have passed since the sign-in.
        gateway.Clock.Advance(TimeSpan.FromMinutes(20));

        Assert.False(await browser.IsSignedInAsync());
    }
}
