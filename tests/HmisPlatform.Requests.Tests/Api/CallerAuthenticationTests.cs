using System.Security.Cryptography;
using System.Text;
using Grpc.Core;
using Hmis.Requests.V1;
using HmisPlatform.BuildingBlocks.Hosting;
using HmisPlatform.Testing;
using Microsoft.IdentityModel.Tokens;

namespace HmisPlatform.Requests.Tests.Api;

/// <summary>The service checks every token itself, so reaching it directly, around the gateway, gives nothing.</summary>
public sealed class CallerAuthenticationTests(RequestsFixture service) : IClassFixture<RequestsFixture>
{
    private async Task<RpcException> SubmitWithAsync(string? token)
    {
        var client = new AccessRequests.AccessRequestsClient(service.ChannelWithToken(token));
        return await Assert.ThrowsAsync<RpcException>(() => client.SubmitAccessRequestAsync(Requests.NewAgencyUser("auth.person@lakeview.example.org")).ResponseAsync);
    }

    public static TheoryData<string, string?, string> RefusedTokens => new()
    {
        { "no token", null, "TOKEN_MISSING" },
        { "expired", TestTokens.Issue(lifetime: TimeSpan.FromMinutes(-10)), "TOKEN_EXPIRED" },
        { "expired two minutes ago, within the default five-minute skew", TestTokens.Issue(lifetime: TimeSpan.FromMinutes(-2)), "TOKEN_EXPIRED" },
        { "signed by the trusted key with another algorithm (PS256)", TestTokens.Issue(algorithm: SecurityAlgorithms.RsaSsaPssSha256), "TOKEN_INVALID" },
        { "wrong audience", TestTokens.Issue(audience: "some-other-api"), "TOKEN_INVALID" },
        { "signed with another key", TestTokens.Issue(key: new RsaSecurityKey(RSA.Create(2048))), "TOKEN_INVALID" },
        { "an identity token, not an access token", TestTokens.Issue(tokenType: "JWT"), "TOKEN_INVALID" },
        { "alg none", UnsignedToken(), "TOKEN_INVALID" },
        { "not a token", "not-a-jwt", "TOKEN_INVALID" },
    };

    [Trait("ASVS", "9.1.1")]
    [Trait("ASVS", "9.1.2")]
    [Trait("ASVS", "9.2.1")]
    [Trait("ASVS", "9.2.3")]
    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task Call_WithoutAValidAccessToken_IsUnauthenticatedWithItsReason(string why, string? token, string reason)
    {
        var error = await SubmitWithAsync(token);

        Assert.True(error.StatusCode == StatusCode.Unauthenticated, why);
        Assert.Equal(reason, error.Reason());
        Assert.Equal("hmis.auth", error.Domain());
        if (token is not null)
        {
            Assert.DoesNotContain(token, error.ToString(), StringComparison.Ordinal);
        }
    }

    [Trait("ASVS", "8.2.1")]
    [Fact]
    public async Task Call_WithoutTheScopeItNeeds_IsPermissionDenied()
    {
        var error = await SubmitWithAsync(TestTokens.Issue(scopes: [PlatformIdentity.RequestsRead]));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal("SCOPE_MISSING", error.Reason());
    }

    [Fact]
    public async Task Call_WithTheScopeItNeeds_Succeeds()
    {
        var client = new AccessRequests.AccessRequestsClient(service.ChannelWithToken(TestTokens.Issue(scopes: [PlatformIdentity.RequestsWrite])));

        var response = await client.SubmitAccessRequestAsync(Requests.NewAgencyUser("scoped.person@lakeview.example.org"));

        Assert.Equal(AccessRequestStatus.Submitted, response.AccessRequest.Status);
    }

    [Trait("ASVS", "9.2")]
    [Fact]
    public async Task ARevokedClientsToken_IsRefusedByTheServiceItself_FromTheMomentTheGatewayRevokesIt()
    {
        var revoked = $"revoked-system-{Guid.NewGuid():N}";
        var other = $"other-system-{Guid.NewGuid():N}";
        var revokedToken = TestTokens.Issue(subject: revoked, clientId: revoked);
        var revokedPersonToken = TestTokens.Issue(subject: Guid.NewGuid().ToString(), clientId: revoked, role: "ata");
        var client = new AccessRequests.AccessRequestsClient(service.ChannelWithToken(revokedToken));
        var probe = new GetJourneyRequest { PersonId = Guid.NewGuid().ToString() };
        Assert.NotEqual(StatusCode.Unauthenticated, (await RpcErrors.CatchAsync(() => client.GetJourneyAsync(probe).ResponseAsync)).StatusCode);

        await RevokedClients.RevokeAsync(service.Redis, revoked);

        var refused = await Eventually.ReturnsAsync(() => RpcErrors.CatchAsync(() => client.GetJourneyAsync(probe).ResponseAsync),
            error => error.StatusCode == StatusCode.Unauthenticated);
        Assert.Equal("TOKEN_REVOKED", refused.Reason());
        var actingForAPerson = new AccessRequests.AccessRequestsClient(service.ChannelWithToken(revokedPersonToken));
        Assert.Equal("TOKEN_REVOKED", (await RpcErrors.CatchAsync(() => actingForAPerson.GetJourneyAsync(probe).ResponseAsync)).Reason());
        var untouched = new AccessRequests.AccessRequestsClient(service.ChannelWithToken(TestTokens.Issue(subject: other, clientId: other)));
        Assert.NotEqual(StatusCode.Unauthenticated, (await RpcErrors.CatchAsync(() => untouched.GetJourneyAsync(probe).ResponseAsync)).StatusCode);
    }

    /// <summary>A token that claims every scope but carries no signature at all.</summary>
    private static string UnsignedToken()
    {
        static string Encode(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return $"{Encode("""{"alg":"none","typ":"at+jwt"}""")}.{Encode($$"""{"iss":"{{TestTokens.Issuer}}","aud":"{{PlatformIdentity.Audience}}","sub":"x","scope":"requests.write","nbf":{{now}},"exp":{{now + 600}}}""")}.";
    }
}
