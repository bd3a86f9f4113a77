using System.Net.Http.Json;
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

    [Fact]
    public async Task ATokenAskedForWithoutAScope_IsRefusedAtOnce_NamingTheScopesTheClientMayAskFor()
    {
        using var response = await gateway.RequestTokenAsync(Identity.DemoClients.LakeviewClientId, Identity.DemoClients.LakeviewSecret, scope: "");
        var answer = (await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!;

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_scope", answer["error"]!.GetValue<string>());
        Assert.Contains(PlatformIdentity.RequestsWrite, answer["error_description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(PlatformIdentity.RequestsReview, answer["error_description"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
