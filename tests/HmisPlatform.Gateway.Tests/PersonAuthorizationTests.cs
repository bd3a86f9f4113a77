using System.Net;
using HmisPlatform.Gateway.Domain;
using HmisPlatform.Gateway.Identity;
using HmisPlatform.Gateway.Staff;
using HmisPlatform.Testing;
using Microsoft.IdentityModel.JsonWebTokens;

namespace HmisPlatform.Gateway.Tests;

/// <summary>
/// An agency's system acting for a person: the person signs in at the gateway and consents (authorization code with
/// PKCE), and the token the system gets names the person, through the system, with only what both may do.
/// </summary>
[Trait("ASVS", "8.4")]
public sealed class PersonAuthorizationTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static readonly string[] TraineeSteps = [PlatformIdentity.AssessmentWrite, PlatformIdentity.CredentialsWrite, PlatformIdentity.RequestsWrite];

    private async Task<StaffBrowser> SignedInAsync(string role, string agencyId = DemoClients.LakeviewAgencyId)
    {
        var person = await gateway.NewPersonAsync(role, Guid.Parse(agencyId));
        var browser = new StaffBrowser(gateway.CreateBrowser());
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(person.Email!, DemoStaff.Password)).StatusCode);
        return browser;
    }

    [Fact]
    public async Task Trainee_WhoConsents_GivesTheirAgencysSystem_TheirOwnToken_WithOnlyScopesTheirRoleHolds()
    {
        using var trainee = await SignedInAsync(StaffRoles.Trainee);
        var session = await trainee.Http.GetStringAsync("/account/session");

        var token = new JsonWebToken(await PersonAuthorization.TokenThroughClientAsync(
            trainee, DemoClients.LakeviewClientId, DemoClients.LakeviewSecret, DemoClients.LakeviewRedirectUri, TraineeSteps));

        Assert.Contains(token.Subject, session, StringComparison.Ordinal);
        Assert.Equal(StaffRoles.Trainee, token.GetClaim(PlatformIdentity.RoleClaim).Value);
        Assert.Equal(DemoClients.LakeviewAgencyId, token.GetClaim(PlatformIdentity.AgencyClaim).Value);
        Assert.Equal(DemoClients.LakeviewClientId, token.GetClaim(PlatformIdentity.ClientIdClaim).Value);
        Assert.Contains(PlatformIdentity.Audience, token.Audiences);
        // A trainee submits no access requests, so the system's requests.write is not theirs to pass on.
        Assert.Equal([PlatformIdentity.AssessmentWrite, PlatformIdentity.CredentialsWrite],
            token.GetClaim(PlatformIdentity.ScopeClaim).Value.Split(' ').Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Consent_Refused_GivesTheSystemNoCode()
    {
        using var trainee = await SignedInAsync(StaffRoles.Trainee);

        var (response, _, _) = await PersonAuthorization.ConsentAsync(trainee, DemoClients.LakeviewClientId, DemoClients.LakeviewRedirectUri, TraineeSteps, allow: false);

        using (response)
        {
            Assert.Contains("error=access_denied", response.Headers.Location!.Query, StringComparison.Ordinal);
            Assert.DoesNotContain("code=", response.Headers.Location!.Query, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ASystem_CannotActForAPersonOfAnotherAgency()
    {
        using var southsideTrainee = await SignedInAsync(StaffRoles.Trainee, "0b6f3a51-2d6e-4a4e-9a54-6f0f8d1a0002");

        var refused = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => PersonAuthorization.TokenThroughClientAsync(
            southsideTrainee, DemoClients.LakeviewClientId, DemoClients.LakeviewSecret, DemoClients.LakeviewRedirectUri, TraineeSteps));

        Assert.Contains("access_denied", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutPkce_NoCodeIsIssued()
    {
        using var trainee = await SignedInAsync(StaffRoles.Trainee);

        using var response = await trainee.Http.GetAsync(
            $"/connect/authorize?response_type=code&client_id={DemoClients.LakeviewClientId}&redirect_uri={Uri.EscapeDataString(DemoClients.LakeviewRedirectUri.AbsoluteUri)}&scope=assessment.write&state=x");

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest || response.Headers.Location?.Query.Contains("error=invalid_request", StringComparison.Ordinal) == true,
            $"{(int)response.StatusCode} {response.Headers.Location} {await response.Content.ReadAsStringAsync()}");
        Assert.DoesNotContain("code=", response.Headers.Location?.Query ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotSignedIn_IsSentToSignIn_AndBackToTheSameRequest()
    {
        using var browser = new StaffBrowser(gateway.CreateBrowser());

        var (response, _, _) = await PersonAuthorization.ConsentAsync(browser, DemoClients.LakeviewClientId, DemoClients.LakeviewRedirectUri, TraineeSteps, allow: true);

        using (response)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith(SignInPages.SignInPath, response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            Assert.Contains(Uri.EscapeDataString(TokenServer.AuthorizePath), response.Headers.Location!.Query, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ASystemRegisteredWithoutRedirectUris_CannotAskForAPerson()
    {
        using var trainee = await SignedInAsync(StaffRoles.Trainee);

        using var response = await trainee.Http.GetAsync(
            $"/connect/authorize?response_type=code&client_id={DemoClients.ReviewDeskClientId}&redirect_uri={Uri.EscapeDataString(DemoClients.LakeviewRedirectUri.AbsoluteUri)}&scope=assessment.write&code_challenge=abc&code_challenge_method=S256");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
