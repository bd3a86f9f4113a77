using System.Net;
using Grpc.Core;
using Hmis.Gateway.V1;
using HmisPlatform.Gateway.Domain;
using HmisPlatform.Gateway.Identity;
using HmisPlatform.Testing;

namespace HmisPlatform.Gateway.Tests;

/// <summary>The HMIS team invites people; each sets their own password once, under the policy, from their link.</summary>
public sealed class StaffInvitationTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private async Task<InviteStaffAccountResponse> InviteAtaAsync(string email) =>
        await new StaffAccounts.StaffAccountsClient(await gateway.HmisTeamChannelAsync()).InviteStaffAccountAsync(new InviteStaffAccountRequest
        {
            Email = email,
            Role = StaffRoles.Ata,
            AgencyId = DemoClients.LakeviewAgencyId,
        });

    [Trait("ASVS", "6.4.1")]
    [Fact]
    public async Task InvitedAta_GetsTheLinkByEmail_NotTheInviter_AndSetsTheirOwnPasswordAndAuthenticatorOnce()
    {
        var email = $"new.ata.{Guid.NewGuid():N}@lakeview.example.org";
        var invited = await InviteAtaAsync(email);
        var path = gateway.Invitations.LatestTo(email);
        using var browser = new StaffBrowser(gateway.CreateBrowser());
        await browser.GetAsync(path);
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(new Uri("http://gateway"), path).Query);
        // An ATA sets up the authenticator on the same page, with the invitation link alone.
        var key = browser.AuthenticatorKey!;
        Authenticators.Remember(email, key);
        (string, string)[] link = [("user", query["user"]!), ("token", query["token"]!), ("code", await Authenticators.NextCodeAsync(key))];

        using var breached = await browser.PostFormAsync("/account/set-password", [.. link, ("newPassword", "password123")]);
        using var set = await browser.PostFormAsync("/account/set-password", [.. link, ("newPassword", "Lantern 4 harbor")]);
        using var reused = await browser.PostFormAsync("/account/set-password", [.. link, ("newPassword", "Another 5 choice")]);

        Assert.Equal("", invited.InvitationPath);
        Assert.Equal(HttpStatusCode.BadRequest, breached.StatusCode);
        Assert.Contains(PasswordPolicy.BreachedReason, breached.Headers.GetValues("X-Refusal-Reasons").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        using var signIn = new StaffBrowser(gateway.CreateBrowser());
        Assert.Equal(HttpStatusCode.Redirect, (await signIn.SignInAsync(email, "Lantern 4 harbor")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await signIn.SignInAsync(email, "Another 5 choice")).StatusCode);
    }

    [Fact]
    public async Task Invitation_NeedsARoleItsAgency_AndANewEmail_AndIsTheHmisTeams()
    {
        var hmisTeam = new StaffAccounts.StaffAccountsClient(await gateway.HmisTeamChannelAsync());
        var lakeview = new StaffAccounts.StaffAccountsClient(gateway.ChannelWithToken(await gateway.TokenAsync(DemoClients.LakeviewClientId, DemoClients.LakeviewSecret)));

        var noAgency = await RpcErrors.CatchAsync(() => hmisTeam.InviteStaffAccountAsync(new InviteStaffAccountRequest { Email = "x@lakeview.example.org", Role = StaffRoles.Ata }).ResponseAsync);
        var badRole = await RpcErrors.CatchAsync(() => hmisTeam.InviteStaffAccountAsync(new InviteStaffAccountRequest { Email = "y@lakeview.example.org", Role = "admin" }).ResponseAsync);
        var taken = await RpcErrors.CatchAsync(() => InviteAtaAsync(Staff.DemoStaff.LakeviewAta.Email));
        var byAgency = await RpcErrors.CatchAsync(() => lakeview.InviteStaffAccountAsync(new InviteStaffAccountRequest
            { Email = "z@lakeview.example.org", Role = StaffRoles.HmisTeam }).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, "agency_id"), (noAgency.StatusCode, noAgency.ViolatedFields().Single()));
        Assert.Equal("role", badRole.ViolatedFields().Single());
        Assert.Equal(StatusCode.AlreadyExists, taken.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, byAgency.StatusCode);
    }

    [Fact]
    public async Task Trainee_InvitedAgainAtAnotherAgency_KeepsTheirOneSignIn_MovedThere_WithEarlierSessionsEnded()
    {
        var staff = new StaffAccounts.StaffAccountsClient(await gateway.HmisTeamChannelAsync());
        var person = Guid.NewGuid().ToString();
        var first = await staff.InviteStaffAccountAsync(new InviteStaffAccountRequest
        {
            Email = $"noor.{person}@lakeview.example.org", Role = StaffRoles.Trainee, AgencyId = DemoClients.LakeviewAgencyId, PersonId = person,
        });
        using var atLakeview = new StaffBrowser(gateway.CreateBrowser());
        await SetPasswordAsync(atLakeview, gateway.Invitations.LatestTo(first.Account.Email), first.Account.Email, "Lantern 4 harbor");
        Assert.Equal(HttpStatusCode.Redirect, (await atLakeview.SignInAsync($"noor.{person}@lakeview.example.org", "Lantern 4 harbor")).StatusCode);

        var moved = await staff.InviteStaffAccountAsync(new InviteStaffAccountRequest
        {
            Email = $"noor.{person}@southside.example.org", Role = StaffRoles.Trainee, AgencyId = "0b6f3a51-2d6e-4a4e-9a54-6f0f8d1a0002", PersonId = person,
        });
        using var atSouthside = new StaffBrowser(gateway.CreateBrowser());
        await SetPasswordAsync(atSouthside, gateway.Invitations.LatestTo(moved.Account.Email), moved.Account.Email, "Compass 7 meadow");

        Assert.Equal(person, moved.Account.UserId);
        Assert.Equal("0b6f3a51-2d6e-4a4e-9a54-6f0f8d1a0002", moved.Account.AgencyId);
        Assert.False(await atLakeview.IsSignedInAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await atSouthside.SignInAsync($"noor.{person}@southside.example.org", "Compass 7 meadow")).StatusCode);
        Assert.Contains("0b6f3a51-2d6e-4a4e-9a54-6f0f8d1a0002", await atSouthside.Http.GetStringAsync("/account/session"), StringComparison.Ordinal);
    }

    [Trait("ASVS", "8.3")]
    [Fact]
    public async Task ThePlatform_GivesApprovedTraineesTheirSignIn_AndNothingElse()
    {
        var platform = new StaffAccounts.StaffAccountsClient(gateway.ChannelWithToken(
            await gateway.TokenAsync(ResourceNames.NotificationsApi, GatewayFixture.NotificationsSecret, PlatformIdentity.StaffInviteTrainee)));
        var person = Guid.NewGuid().ToString();
        var trainee = new InviteStaffAccountRequest
        {
            Email = $"ama.{person}@lakeview.example.org", Role = StaffRoles.Trainee, AgencyId = DemoClients.LakeviewAgencyId, PersonId = person,
        };

        var invited = await platform.InviteStaffAccountAsync(trainee);
        using var browser = new StaffBrowser(gateway.CreateBrowser());
        await SetPasswordAsync(browser, invited.InvitationPath, trainee.Email, "Lantern 4 harbor");
        // Approved again at the same agency: they sign in already, so no new link is made and their password stays.
        var again = await platform.InviteStaffAccountAsync(trainee);
        var ata = await RpcErrors.CatchAsync(() => platform.InviteStaffAccountAsync(new InviteStaffAccountRequest
        {
            Email = $"ata.{person}@lakeview.example.org", Role = StaffRoles.Ata, AgencyId = DemoClients.LakeviewAgencyId,
        }).ResponseAsync);
        var list = await RpcErrors.CatchAsync(() => platform.ListStaffAccountsAsync(new ListStaffAccountsRequest()).ResponseAsync);

        Assert.Equal("", again.InvitationPath);
        // The platform e-mails the link in the trainee's approval itself: the gateway sends none of its own.
        Assert.Empty(gateway.Invitations.LinksTo(trainee.Email));
        using var signIn = new StaffBrowser(gateway.CreateBrowser());
        Assert.Equal(HttpStatusCode.Redirect, (await signIn.SignInAsync(trainee.Email, "Lantern 4 harbor")).StatusCode);
        Assert.Equal((StatusCode.PermissionDenied, StaffInvitation.OnlyTraineesReason), (ata.StatusCode, ata.Reason()));
        Assert.Equal(StatusCode.PermissionDenied, list.StatusCode);
    }

    [Trait("ASVS", "6.4.1")]
    [Fact]
    public async Task InvitingAgain_BeforeThePasswordIsSet_SendsANewLink_AndTheEarlierOneNoLongerWorks_ButNotOnceItIsSet()
    {
        var email = $"late.ata.{Guid.NewGuid():N}@lakeview.example.org";
        var first = await InviteAtaAsync(email);
        var again = await InviteAtaAsync(email);
        // Someone waiting as an ATA is not made a Supervisor by an invitation that names them so.
        var asSupervisor = await RpcErrors.CatchAsync(async () => await new StaffAccounts.StaffAccountsClient(await gateway.HmisTeamChannelAsync())
            .InviteStaffAccountAsync(new InviteStaffAccountRequest { Email = email, Role = StaffRoles.Supervisor, AgencyId = DemoClients.LakeviewAgencyId }));
        var (oldLink, newLink) = (gateway.Invitations.LinksTo(email)[0], gateway.Invitations.LatestTo(email));

        using var browser = new StaffBrowser(gateway.CreateBrowser());
        using var withOld = await browser.SetPasswordAsync(oldLink, email, "Lantern 4 harbor");
        using var withNew = await browser.SetPasswordAsync(newLink, email, "Lantern 4 harbor");
        var afterSet = await RpcErrors.CatchAsync(() => InviteAtaAsync(email));

        Assert.Equal(first.Account.UserId, again.Account.UserId);
        Assert.Equal(2, gateway.Invitations.LinksTo(email).Count);
        Assert.NotEqual(oldLink, newLink);
        Assert.Equal(HttpStatusCode.BadRequest, withOld.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, withNew.StatusCode);
        Assert.Equal(StatusCode.AlreadyExists, afterSet.StatusCode);
        Assert.Equal(StatusCode.AlreadyExists, asSupervisor.StatusCode);
        Assert.Equal(2, gateway.Invitations.LinksTo(email).Count);
    }

    [Trait("ASVS", "8.2.1")]
    [Fact]
    public async Task TheInvitationMail_IsNotRoutedToOutsideCallers_EvenTheHmisTeam()
    {
        var invitations = new Hmis.Notifications.V1.Invitations.InvitationsClient(await gateway.HmisTeamChannelAsync());

        var error = await RpcErrors.CatchAsync(() => invitations.SendInvitationAsync(new Hmis.Notifications.V1.SendInvitationRequest
        {
            RequestId = Guid.NewGuid().ToString(), PersonId = Guid.NewGuid().ToString(), Email = "someone@lakeview.example.org",
            RoleTitle = "ATA", SetPasswordPath = "/account/set-password?user=x&token=y",
        }).ResponseAsync);

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    private static async Task SetPasswordAsync(StaffBrowser browser, string invitationPath, string email, string password)
    {
        using var set = await browser.SetPasswordAsync(invitationPath, email, password);
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
    }
}
