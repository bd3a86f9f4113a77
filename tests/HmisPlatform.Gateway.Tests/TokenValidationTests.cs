using System.Security.Cryptography;
using Grpc.Core;
using Hmis.Requests.V1;
using HmisPlatform.Gateway.Identity;
using HmisPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace HmisPlatform.Gateway.Tests;

/// <summary>A token the gateway issued is taken until its lifetime ends, and refused as expired from then on.</summary>
public sealed class TokenExpiryTests(MovableClockGatewayFixture gateway) : IClassFixture<MovableClockGatewayFixture>
{
    [Fact]
    public async Task TokenPastItsLifetime_IsUnauthenticatedAsExpired()
    {
        var lifetime = gateway.Services.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue.AccessTokenLifetime!.Value;
        var client = new AccessRequests.AccessRequestsClient(gateway.ChannelWithToken(
            await gateway.TokenAsync(DemoClients.LakeviewClientId, DemoClients.LakeviewSecret)));

        gateway.Clock.Advance(lifetime - TimeSpan.FromMinutes(1));
        var stillValid = await Record.ExceptionAsync(() => client.GetJourneyAsync(new GetJourneyRequest { PersonId = Guid.NewGuid().ToString() }).ResponseAsync);
        Assert.False(stillValid is RpcException { StatusCode: StatusCode.Unauthenticated }, stillValid?.Message);

        gateway.Clock.Advance(TimeSpan.FromMinutes(2));
        var error = await RpcErrors.CatchAsync(() => client.GetJourneyAsync(new GetJourneyRequest { PersonId = Guid.NewGuid().ToString() }).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal("TOKEN_EXPIRED", error.Reason());
    }
}

/// <summary>
/// The gateway refuses every token its own token server did not issue as it stands. A token's lifetime is the
/// one its server-side entry records, so not even a re-signed "exp" extends it (see the expiry test above). Each case takes a real token
/// and changes one thing, re-signing it with the server's real key where the case needs a valid signature.
/// </summary>
[Trait("ASVS", "9.1.1")]
[Trait("ASVS", "9.2.1")]
[Trait("ASVS", "9.2.3")]
public sealed class TokenValidationTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    public static TheoryData<string, string> Tamperings => new()
    {
        { "wrong-audience", "TOKEN_INVALID" },
        { "alg-none", "TOKEN_INVALID" },
        { "other-key", "TOKEN_INVALID" },
        { "not-an-access-token", "TOKEN_INVALID" },
    };

    [Fact]
    public async Task RealTokenResignedUnchanged_IsAccepted_SoEachRefusalBelowIsForItsOneChange()
    {
        var token = ResignedTokens.Resign(await RealTokenAsync(), ServerKey());

        Assert.NotEqual(StatusCode.Unauthenticated, await CallWithAsync(token));
    }

    [Theory]
    [MemberData(nameof(Tamperings))]
    public async Task TamperedToken_IsUnauthenticatedWithItsReason(string tampering, string reason)
    {
        var real = await RealTokenAsync();
        var token = tampering switch
        {
            "wrong-audience" => ResignedTokens.Resign(real, ServerKey(), claims => claims["aud"] = "another-api"),
            "alg-none" => ResignedTokens.Unsigned(real),
            "other-key" => ResignedTokens.Resign(real, new SigningCredentials(new RsaSecurityKey(RSA.Create(2048)) { KeyId = ServerKey().Kid }, SecurityAlgorithms.RsaSha256)),
            "not-an-access-token" => ResignedTokens.Resign(real, ServerKey(), tokenType: "JWT"),
            _ => throw new ArgumentOutOfRangeException(nameof(tampering)),
        };

        var client = new AccessRequests.AccessRequestsClient(gateway.ChannelWithToken(token));
        var error = await RpcErrors.CatchAsync(() => client.GetJourneyAsync(new GetJourneyRequest { PersonId = Guid.NewGuid().ToString() }).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal(reason, error.Reason());
    }

    private Task<string> RealTokenAsync() => gateway.TokenAsync(DemoClients.LakeviewClientId, DemoClients.LakeviewSecret);

    private async Task<StatusCode> CallWithAsync(string token)
    {
        var client = new AccessRequests.AccessRequestsClient(gateway.ChannelWithToken(token));
        var error = await Record.ExceptionAsync(() => client.GetJourneyAsync(new GetJourneyRequest { PersonId = Guid.NewGuid().ToString() }).ResponseAsync);
        return error is RpcException rpc ? rpc.StatusCode : StatusCode.OK;
    }

    private SigningCredentials ServerKey() =>
        gateway.Services.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue.SigningCredentials[0];
}
