using HmisPlatform.Gateway.Domain;
using HmisPlatform.Gateway.Staff;
using HmisPlatform.Gateway.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace HmisPlatform.Gateway.Tests.Web;

/// <summary>ASVS 5.0 V7.4: an open page's session is checked again, so signing out or deactivation reaches open tabs.</summary>
public sealed class SessionRevalidationTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Trait("ASVS", "7.4.2")]
    [Fact]
    public async Task AnOpenPagesSession_Ends_WhenThePersonSignsOutElsewhere_OrIsDeactivated()
    {
        var signedOutElsewhere = await gateway.NewPersonAsync(StaffRoles.HmisTeam);
        var deactivated = await gateway.NewPersonAsync(StaffRoles.HmisTeam);
        await using var scope = gateway.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<StaffUser>>();
        var openPage = await factory.CreateAsync(signedOutElsewhere);
        var otherPage = await factory.CreateAsync(deactivated);
        await OneWorkstation.StartAsync(users, openPage);
        await OneWorkstation.StartAsync(users, otherPage);
        Assert.True(await SessionRevalidation.IsCurrentAsync(users, openPage));
        Assert.True(await SessionRevalidation.IsCurrentAsync(users, otherPage));

        await users.UpdateSecurityStampAsync(await users.FindByIdAsync(signedOutElsewhere.Id.ToString()) ?? throw new InvalidOperationException());
        var person = await users.FindByIdAsync(deactivated.Id.ToString()) ?? throw new InvalidOperationException();
        person.DeactivatedAt = DateTimeOffset.UtcNow;
        await users.UpdateAsync(person);

        Assert.False(await SessionRevalidation.IsCurrentAsync(users, openPage));
        Assert.False(await SessionRevalidation.IsCurrentAsync(users, otherPage));
        Assert.False(await SessionRevalidation.IsCurrentAsync(users, new System.Security.Claims.ClaimsPrincipal()));
    }

    [Trait("HUD", "4.3.1")]
    [Fact]
    public async Task AnOpenPagesSession_Ends_WhenThePersonSignsInAtAnotherWorkstation()
    {
        var person = await gateway.NewPersonAsync(StaffRoles.HmisTeam);
        await using var scope = gateway.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<StaffUser>>();
        var firstWorkstation = await factory.CreateAsync(person);
        await OneWorkstation.StartAsync(users, firstWorkstation);
        var withoutASession = await factory.CreateAsync(person);
        Assert.True(await SessionRevalidation.IsCurrentAsync(users, firstWorkstation));

        var secondWorkstation = await factory.CreateAsync(await users.FindByIdAsync(person.Id.ToString()) ?? throw new InvalidOperationException());
        await OneWorkstation.StartAsync(users, secondWorkstation);

        Assert.False(await SessionRevalidation.IsCurrentAsync(users, firstWorkstation));
        Assert.True(await SessionRevalidation.IsCurrentAsync(users, secondWorkstation));
        Assert.False(await SessionRevalidation.IsCurrentAsync(users, withoutASession));
    }
}
