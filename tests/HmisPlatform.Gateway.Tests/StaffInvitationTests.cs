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

    [Fact]
    public async Task InvitedAta_SetsTheirOwnPasswordAndAuthenticatorOnce_ThenSignsInWithBoth()
    {
        var email = $"new.ata.{Guid.NewGuid():N}@lakeview.example.org";
        var invited = await InviteAtaAsync(email);
        using var browser = new StaffBrowser(gateway.CreateBrowser());
        await browser.GetAsync(invited.InvitationPath);
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(new Uri("http://gateway"), invited.InvitationPath).Query);
        // An ATA sets up the authenticator on the same page, with the invitation link alone.
        var key = browser.AuthenticatorKey!;
        Authenticators.Remember(email, key);
        (string, string)[] link = [("user", query["user"]!), ("token", query["token"]!), ("code", Totp.Code(key, DateTimeOffset.UtcNow))];

        using var breached = await browser.PostFormAsync("/account/set-password", [.. link, ("newPassword", "password123")]);
        using var set = await browser.PostFormAsync("/account/set-password", [.. link, ("newPassword", "Lantern 4 harbor")]);
        using var reused = await browser.PostFormAsync("/account/set-password", [.. link, ("newPassword", "Another 5 choice")]);

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
        await SetPasswordAsync(atLakeview, first.InvitationPath, first.Account.Email, "Lantern 4 harbor");
        Assert.Equal(HttpStatusCode.Redirect, (await atLakeview.SignInAsync($"noor.{person}@lakeview.example.org", "Lantern 4 harbor")).StatusCode);

        var moved = await staff.InviteStaffAccountAsync(new InviteStaffAccountRequest
        {
            Email = $"noor.{person}@southside.example.org", Role = StaffRoles.Trainee, AgencyId = "0b6f3a51-2d6e-4a4e-9a54-6f0f8d1a0002", PersonId = person,
        });
        using var atSouthside = new StaffBrowser(gateway.CreateBrowser());
        await SetPasswordAsync(atSouthside, moved.InvitationPath, moved.Account.Email, "Compass 7 meadow");

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
        using var signIn = new StaffBrowser(gateway.CreateBrowser());
        Assert.Equal(HttpStatusCode.Redirect, (await signIn.SignInAsync(trainee.Email, "Lantern 4 harbor")).StatusCode);
        Assert.Equal((StatusCode.PermissionDenied, StaffInvitation.OnlyTraineesReason), (ata.StatusCode, ata.Reason()));
        Assert.Equal(StatusCode.PermissionDenied, list.StatusCode);
    }

    private static async Task SetPasswordAsync(StaffBrowser browser, string invitationPath, string email, string password)
    {
        using var set = await browser.SetPasswordAsync(invitationPath, email, password);
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
    }
}
