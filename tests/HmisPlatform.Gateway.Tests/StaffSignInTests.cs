using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grpc.Core;
using Hmis.Gateway.V1;
using HmisPlatform.Gateway.Domain;
using HmisPlatform.Gateway.Identity;
using HmisPlatform.Gateway.Security;
using HmisPlatform.Gateway.Staff;
using HmisPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HmisPlatform.Gateway.Tests;

/// <summary>People sign in with a password under HUD's rule, are locked out after repeated failures, use TOTP where their role needs it, and lose their session when deactivated.</summary>
[Trait("ASVS", "16.2.5")]
[Trait("ASVS", "16.3.1")]
public sealed class StaffSignInTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static readonly Guid Lakeview = Guid.Parse(DemoClients.LakeviewAgencyId);

    private StaffBrowser Browser() => new(gateway.CreateBrowser());

    private static string WithoutFormToken(string page) =>
        System.Text.RegularExpressions.Regex.Replace(page, "name=\"__RequestVerificationToken\" value=\"[^\"]+\"", "");

    private async Task<int> AuditCountAsync(string kind, Guid userId)
    {
        await using var scope = gateway.Services.CreateAsyncScope();
        var id = userId.ToString();
        return await scope.ServiceProvider.GetRequiredService<GatewayDbContext>().SecurityEvents.CountAsync(e => e.Kind == kind && e.Actor == id);
    }

    [Fact]
    public async Task Ata_WithTheRightPassword_IsSignedInWithTheirRoleAndAgency()
    {
        using var browser = Browser();

        using var response = await browser.SignInAsync(DemoStaff.LakeviewAta.Email, DemoStaff.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var session = await browser.Http.GetFromJsonAsync<JsonObject>("/account/session");
        Assert.Equal(StaffRoles.Ata, session!["role"]!.GetValue<string>());
        Assert.Equal(DemoClients.LakeviewAgencyId, session["agencyId"]!.GetValue<string>());
        Assert.True(await AuditCountAsync(SecurityEventKinds.SignInSucceeded, DemoStaff.LakeviewAta.Id) >= 1);
    }

    [Trait("ASVS", "3.7.2")]
    [Theory]
    [InlineData("/%09/evil.example", "/")]
    [InlineData("//evil.example", "/")]
    [InlineData("/%5Cevil.example", "/")]
    [InlineData("/review", "/review")]
    public async Task AfterSigningIn_ThePersonGoesToAPageOfThisSite_NeverAnother(string returnUrlInTheLink, string expected)
    {
        var person = await gateway.NewPersonAsync(StaffRoles.Ata, Lakeview);
        using var browser = Browser();
        var returnUrl = Uri.UnescapeDataString(returnUrlInTheLink);

        await browser.GetAsync($"/account/sign-in?returnUrl={returnUrlInTheLink}");
        using var password = await browser.PostFormAsync("/account/sign-in",
            ("email", person.Email!), ("password", DemoStaff.Password), ("returnUrl", returnUrl));
        // The code's form carries the same return address on.
        Assert.Contains($"name=\"returnUrl\" value=\"{System.Text.Encodings.Web.HtmlEncoder.Default.Encode(returnUrl)}\"", browser.Page, StringComparison.Ordinal);
        using var response = await browser.PostFormAsync(SignInPages.TwoFactorPath,
            ("code", await Authenticators.NextCodeAsync(Authenticators.KeyOf(person.Email!)!)), ("returnUrl", returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Trait("ASVS", "6.3.8")]
    [Fact]
    public async Task WrongPassword_IsRefusedWithoutSayingWhichPartWasWrong()
    {
        using var browser = Browser();
        var person = await gateway.NewPersonAsync(StaffRoles.Ata, Lakeview);

        using var wrongPassword = await browser.SignInAsync(person.Email!, "Not-the-password-1");
        var wrongPasswordPage = browser.Page;
        using var unknownUser = await browser.SignInAsync("nobody@lakeview.example.org", "Not-the-password-1");

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownUser.StatusCode);
        Assert.Contains("The e-mail or password is not right", wrongPasswordPage, StringComparison.Ordinal);
        Assert.Contains("The e-mail or password is not right", browser.Page, StringComparison.Ordinal);
        Assert.False(await browser.IsSignedInAsync());
        Assert.Equal(1, await AuditCountAsync(SecurityEventKinds.SignInFailed, person.Id));
    }

    [Trait("ASVS", "6.3.1")]
    [Trait("ASVS", "6.3.8")]
    [Fact]
    public async Task RepeatedFailures_LockTheAccount_EvenAgainstTheRightPassword()
    {
        using var browser = Browser();
        var person = await gateway.NewPersonAsync(StaffRoles.Ata, Lakeview);

        for (var i = 0; i < StaffIdentity.MaxFailedAttempts - 1; i++)
        {
            using var failed = await browser.SignInAsync(person.Email!, $"Wrong-password-{i}");
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }
        using var locking = await browser.SignInAsync(person.Email!, "Wrong-password-last1");
        using var rightButLocked = await browser.SignInAsync(person.Email!, DemoStaff.Password);
        var lockedPage = browser.Page;
        using var unknown = await browser.SignInAsync($"nobody.{Guid.NewGuid():N}@lakeview.example.org", DemoStaff.Password);

        // A locked account answers exactly as an unknown one does, so the answer does not confirm the account exists.
        Assert.Equal(HttpStatusCode.Unauthorized, locking.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, rightButLocked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(WithoutFormToken(browser.Page), WithoutFormToken(lockedPage));
        Assert.False(await browser.IsSignedInAsync());
        Assert.True(await AuditCountAsync(SecurityEventKinds.LockedOut, person.Id) >= 1);
    }

    [Trait("ASVS", "6.5")]
    [Fact]
    public async Task HmisTeam_NeedsTheAuthenticatorCode_AndAWrongOneDoesNotSignIn()
    {
        using var browser = Browser();

        using var password = await browser.SignInAsync(DemoStaff.HmisLead.Email, DemoStaff.Password);
        Assert.Equal(HttpStatusCode.OK, password.StatusCode);
        Assert.Contains("Authenticator code", browser.Page, StringComparison.Ordinal);
        Assert.False(await browser.IsSignedInAsync());

        using var wrong = await browser.PostFormAsync("/account/sign-in/two-factor", ("code", "000000"));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.False(await browser.IsSignedInAsync());

        using var right = await browser.PostFormAsync("/account/sign-in/two-factor", ("code", await Authenticators.NextCodeAsync(DemoStaff.HmisLead.AuthenticatorKey!)));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        var session = await browser.Http.GetFromJsonAsync<JsonObject>("/account/session");
        Assert.Equal(StaffRoles.HmisTeam, session!["role"]!.GetValue<string>());
    }

    [Trait("ASVS", "6.5.1")]
    [Fact]
    public async Task AnAuthenticatorCode_SignsInOnce_AndIsRefusedWhenUsedAgain()
    {
        var person = await gateway.NewPersonAsync(StaffRoles.Ata, Lakeview);
        var code = await Authenticators.NextCodeAsync(Authenticators.KeyOf(person.Email!)!);
        using var first = Browser();
        using var second = Browser();

        await first.SignInAsync(person.Email!, DemoStaff.Password, enterCode: false);
        using var used = await first.PostFormAsync(SignInPages.TwoFactorPath, ("code", code));
        await second.SignInAsync(person.Email!, DemoStaff.Password, enterCode: false);
        using var replayed = await second.PostFormAsync(SignInPages.TwoFactorPath, ("code", code));

        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.False(await second.IsSignedInAsync());
    }

    [Trait("ASVS", "6.5")]
    [Theory]
    [InlineData(StaffRoles.Ata)]
    [InlineData(StaffRoles.Supervisor)]
    public async Task AnAtaOrSupervisor_NeedsTheAuthenticatorCode_AndAWrongOneDoesNotSignIn(string role)
    {
        var person = await gateway.NewPersonAsync(role, Lakeview);
        using var browser = Browser();
        await browser.GetAsync("/account/sign-in");

        using var password = await browser.PostFormAsync("/account/sign-in", ("email", person.Email!), ("password", DemoStaff.Password));
        Assert.Contains("Authenticator code", browser.Page, StringComparison.Ordinal);
        Assert.False(await browser.IsSignedInAsync());
        using var wrong = await browser.PostFormAsync(SignInPages.TwoFactorPath, ("code", "000000"));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.False(await browser.IsSignedInAsync());
        using var right = await browser.PostFormAsync(SignInPages.TwoFactorPath, ("code", await Authenticators.NextCodeAsync(Authenticators.KeyOf(person.Email!)!)));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.True(await browser.IsSignedInAsync());
    }

    [Trait("ASVS", "6.5")]
    [Fact]
    public async Task ACeTeamMemberWithAPasswordButNoAuthenticator_CannotSetOneUp_OnThePasswordAlone()
    {
        using var browser = Browser();
        var person = await gateway.NewPersonAsync(StaffRoles.CeTeam, withAuthenticator: false);

        using var refused = await browser.SignInAsync(person.Email!, DemoStaff.Password);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Null(browser.AuthenticatorKey);
        Assert.Contains("invitation", browser.Page, StringComparison.Ordinal);
        Assert.False(await browser.IsSignedInAsync());
    }

    [Trait("ASVS", "6.5")]
    [Fact]
    public async Task AnInvitedCeTeamMember_SetsUpTheAuthenticatorWithTheInvitationLink_ThenSignsInWithIt()
    {
        var email = $"ce.{Guid.NewGuid():N}@hmis.example.org";
        await new Hmis.Gateway.V1.StaffAccounts.StaffAccountsClient(await gateway.HmisTeamChannelAsync())
            .InviteStaffAccountAsync(new Hmis.Gateway.V1.InviteStaffAccountRequest { Email = email, Role = StaffRoles.CeTeam });
        var invitationPath = gateway.Invitations.LatestTo(email);
        using var browser = Browser();
        await browser.GetAsync(invitationPath);
        var key = browser.AuthenticatorKey;
        Assert.NotNull(key);
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(new Uri("http://gateway"), invitationPath).Query);
        (string, string)[] link = [("user", query["user"]!), ("token", query["token"]!), ("newPassword", "Lantern 4 harbor")];

        using var wrongCode = await browser.PostFormAsync("/account/set-password", [.. link, ("code", "000000")]);
        using var set = await browser.PostFormAsync("/account/set-password", [.. link, ("code", await Authenticators.NextCodeAsync(key))]);

        Assert.Equal(HttpStatusCode.BadRequest, wrongCode.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        using var signIn = Browser();
        await signIn.SignInAsync(email, "Lantern 4 harbor");
        Assert.Contains("Authenticator code", signIn.Page, StringComparison.Ordinal);
        Assert.False(await signIn.IsSignedInAsync());
        using var signedIn = await signIn.PostFormAsync("/account/sign-in/two-factor", ("code", await Authenticators.NextCodeAsync(key)));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.True(await signIn.IsSignedInAsync());
    }

    [Trait("ASVS", "6.2.11")]
    [Theory]
    [InlineData("short1", PasswordPolicy.TooShortReason)]
    [InlineData("onlyletters", PasswordPolicy.DigitRequiredReason)]
    [InlineData("1234567890", PasswordPolicy.LetterRequiredReason)]
    [InlineData("Password123", PasswordPolicy.BreachedReason)]
    [InlineData("chicago2026", PasswordPolicy.BreachedReason)]
    [InlineData("Hmis-access-7", PasswordPolicy.ContextWordReason)]
    public async Task NewPassword_BreakingThePolicy_IsRefusedWithItsReason(string newPassword, string reason)
    {
        using var browser = Browser();
        var person = await gateway.NewPersonAsync(StaffRoles.Ata, Lakeview);
        await browser.SignInAsync(person.Email!, DemoStaff.Password);
        await browser.GetAsync("/account/password");

        using var response = await browser.PostFormAsync("/account/password", ("currentPassword", DemoStaff.Password), ("newPassword", newPassword));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, response.Headers.GetValues("X-Refusal-Reasons").Single().Split(','));
        Assert.DoesNotContain(newPassword, browser.Page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewPassword_MeetingThePolicy_IsTakenAndSignsInFromThenOn()
    {
        using var browser = Browser();
        var person = await gateway.NewPersonAsync(StaffRoles.Ata, Lakeview);
        await browser.SignInAsync(person.Email!, DemoStaff.Password);
        await browser.GetAsync("/account/password");

        using var changed = await browser.PostFormAsync("/account/password", ("currentPassword", DemoStaff.Password), ("newPassword", "Harbor lights 7 north"));

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        using var other = Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await other.SignInAsync(person.Email!, "Harbor lights 7 north")).StatusCode);
    }

    [Trait("ASVS", "3.5.1")]
    [Fact]
    public async Task PasswordForm_WithoutItsAntiforgeryToken_IsRefused()
    {
        using var browser = Browser();
        var person = await gateway.NewPersonAsync(StaffRoles.Ata, Lakeview);
        await browser.SignInAsync(person.Email!, DemoStaff.Password);

        using var forged = await browser.Http.PostAsync("/account/password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["currentPassword"] = DemoStaff.Password,
            ["newPassword"] = "Attacker chose 1 this",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        using var stillOld = Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await stillOld.SignInAsync(person.Email!, DemoStaff.Password)).StatusCode);
    }

    [Trait("ASVS", "7.4.2")]
    [Fact]
    public async Task DeactivatedAta_IsRefusedFromTheirNextCallOn_AndCannotSignInAgain()
    {
        using var browser = Browser();
        var person = await gateway.NewPersonAsync(StaffRoles.Ata, Lakeview);
        await browser.SignInAsync(person.Email!, DemoStaff.Password);
        Assert.True(await browser.IsSignedInAsync());

        var staff = new StaffAccounts.StaffAccountsClient(await gateway.HmisTeamChannelAsync());
        var deactivated = await staff.DeactivateStaffAccountAsync(new DeactivateStaffAccountRequest { UserId = person.Id.ToString(), Reason = "Left the agency" });

        Assert.NotNull(deactivated.Account.DeactivatedAt);
        Assert.False(await browser.IsSignedInAsync());
        using var apiCall = await browser.Http.GetAsync($"/v1/people/{Guid.NewGuid()}/journey");
        Assert.Equal(HttpStatusCode.Unauthorized, apiCall.StatusCode);
        using var again = Browser();
        Assert.Equal(HttpStatusCode.Unauthorized, (await again.SignInAsync(person.Email!, DemoStaff.Password)).StatusCode);
    }

    [Trait("ASVS", "6.3.1")]
    [Fact]
    public async Task WrongCurrentPasswords_CountTowardTheLockout_AndEndTheSession()
    {
        using var browser = Browser();
        var person = await gateway.NewPersonAsync(StaffRoles.Ata, Lakeview);
        await browser.SignInAsync(person.Email!, DemoStaff.Password);

        for (var i = 0; i < StaffIdentity.MaxFailedAttempts - 1; i++)
        {
            await browser.GetAsync("/account/password");
            using var wrong = await browser.PostFormAsync("/account/password", ("currentPassword", $"Guess-number-{i}"), ("newPassword", "Lantern 4 harbor"));
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }
        await browser.GetAsync("/account/password");
        using var locking = await browser.PostFormAsync("/account/password", ("currentPassword", "Guess-number-last"), ("newPassword", "Lantern 4 harbor"));

        Assert.Equal(HttpStatusCode.Redirect, locking.StatusCode);
        Assert.False(await browser.IsSignedInAsync());
        using var again = Browser();
        Assert.Equal(HttpStatusCode.Unauthorized, (await again.SignInAsync(person.Email!, DemoStaff.Password)).StatusCode);
        Assert.True(await AuditCountAsync(SecurityEventKinds.LockedOut, person.Id) >= 1);
    }

    [Trait("ASVS", "7.2.4")]
    [Trait("ASVS", "7.4.1")]
    [Fact]
    public async Task SigningOut_EndsTheSessionForGood_EvenForACopyOfItsCookie()
    {
        using var browser = Browser();
        var person = await gateway.NewPersonAsync(StaffRoles.Ata, Lakeview);
        using var signedIn = await browser.SignInAsync(person.Email!, DemoStaff.Password);
        var sessionCookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("hmis.session=", StringComparison.Ordinal)).Split(';')[0];
        using var copy = gateway.CreateBrowser();
        copy.DefaultRequestHeaders.Add("Cookie", sessionCookie);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/account/session")).StatusCode);

        await browser.GetAsync("/account/password");
        using var signedOut = await browser.PostFormAsync("/account/sign-out");

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.False(await browser.IsSignedInAsync());
        Assert.NotEqual(HttpStatusCode.OK, (await copy.GetAsync("/account/session")).StatusCode);
        Assert.Equal(1, await AuditCountAsync(SecurityEventKinds.SignedOut, person.Id));
    }

    [Trait("HUD", "4.3.1")]
    [Theory]
    [InlineData(StaffRoles.Ata)]
    [InlineData(StaffRoles.Trainee)]
    public async Task SigningInAtAnotherWorkstation_EndsTheFirstSession_AtItsNextRequest(string role)
    {
        var person = await gateway.NewPersonAsync(role, Lakeview);
        using var first = Browser();
        using var second = Browser();
        await first.SignInAsync(person.Email!, DemoStaff.Password);
        // Its renewals on every request keep the first session going while it is the only one.
        Assert.True(await first.IsSignedInAsync());
        Assert.True(await first.IsSignedInAsync());

        using var signedIn = await second.SignInAsync(person.Email!, DemoStaff.Password);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.False(await first.IsSignedInAsync());
        Assert.True(await second.IsSignedInAsync());
        Assert.True(await second.IsSignedInAsync());
    }

    [Trait("ASVS", "3.5.1")]
    [Fact]
    public async Task SignOut_FromAnotherSite_WithoutTheFormsToken_IsRefused_AndTheSessionStays()
    {
        var person = await gateway.NewPersonAsync(StaffRoles.Ata, Lakeview);
        using var browser = Browser();
        await browser.SignInAsync(person.Email!, DemoStaff.Password);

        using var forged = await browser.Http.PostAsync("/account/sign-out", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.True(await browser.IsSignedInAsync());
    }

    [Fact]
    public async Task AnAgencySystem_MayNotDeactivatePeople()
    {
        var person = await gateway.NewPersonAsync(StaffRoles.Ata, Lakeview);
        var lakeview = new StaffAccounts.StaffAccountsClient(gateway.ChannelWithToken(
            await gateway.TokenAsync(DemoClients.LakeviewClientId, DemoClients.LakeviewSecret)));

        var error = await RpcErrors.CatchAsync(() => lakeview.DeactivateStaffAccountAsync(
            new DeactivateStaffAccountRequest { UserId = person.Id.ToString(), Reason = "Prank" }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        using var browser = Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(person.Email!, DemoStaff.Password)).StatusCode);
    }

    [Trait("ASVS", "3.5.1")]
    [Fact]
    public async Task ApiCallThatChangesSomething_FromASessionWithoutTheAntiforgeryToken_IsRefused()
    {
        var person = await gateway.NewPersonAsync(StaffRoles.Ata, Lakeview);
        using var browser = Browser();
        await browser.SignInAsync(person.Email!, DemoStaff.Password);

        using var forged = await browser.Http.PostAsJsonAsync("/v1/access-requests", new JsonObject { ["requestId"] = Guid.NewGuid().ToString() });

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        var status = (await forged.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(StaffIdentity.ForgedSessionCallReason, status["details"]![0]!["reason"]!.GetValue<string>());
    }
}
