using Grpc.Core;
using Hmis.Requests.V1;
using HmisPlatform.Testing;

namespace HmisPlatform.Gateway.Tests;

/// <summary>The gateway's own refusals carry the same reasons as the services'.</summary>
public sealed class AuthenticationTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Theory]
    [InlineData(null, "TOKEN_MISSING")]
    [InlineData("not-a-jwt", "TOKEN_INVALID")]
    public async Task ProxiedCall_WithoutAValidToken_IsUnauthenticatedWithItsReason(string? token, string reason)
    {
        var client = new AccessRequests.AccessRequestsClient(gateway.ChannelWithToken(token));

        var error = await RpcErrors.CatchAsync(() => client.GetJourneyAsync(new GetJourneyRequest { PersonId = Guid.NewGuid().ToString() }).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal(reason, error.Reason());
        Assert.Equal("hmis.auth", error.Domain());
    }
}
