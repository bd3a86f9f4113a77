using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Google.Rpc;
using Grpc.Core;
using Hmis.Requests.V1;
using HmisPlatform.Gateway.Identity;
using HmisPlatform.Gateway.Security;

namespace HmisPlatform.Gateway.Tests;

/// <summary>
/// A call the gateway cannot deliver (the service behind it is restarting; in these tests nothing listens there) is
/// UNAVAILABLE with the time to wait, in the caller's protocol, so that a well-behaved caller sends it again.
/// </summary>
public sealed class UnreachableServiceTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task GrpcCall_ToAServiceThatCannotBeReached_IsUnavailableWithARetryHint()
    {
        var client = new AccessRequests.AccessRequestsClient(await gateway.HmisTeamChannelAsync());

        var error = await Assert.ThrowsAsync<RpcException>(() => client.GetJourneyAsync(new GetJourneyRequest { PersonId = Guid.NewGuid().ToString() }).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        var status = error.GetRpcStatus()!;
        Assert.Equal("TEMPORARILY_UNAVAILABLE", status.GetDetail<ErrorInfo>().Reason);
        Assert.True(status.GetDetail<RetryInfo>().RetryDelay.ToTimeSpan() > TimeSpan.Zero);
    }

    [Fact]
    public async Task HttpJsonCall_ToAServiceThatCannotBeReached_Is503WithRetryAfterAndTheSameStatusAsGrpc()
    {
        using var http = gateway.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            await gateway.TokenAsync(DemoClients.LakeviewClientId, DemoClients.LakeviewSecret, PlatformIdentity.RequestsRead));

        using var response = await http.GetAsync("/v1/access-requests?pageSize=5");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        var status = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal((int)StatusCode.Unavailable, status["code"]!.GetValue<int>());
        Assert.Equal("TEMPORARILY_UNAVAILABLE", status["details"]![0]!["reason"]!.GetValue<string>());
        Assert.Contains(status["details"]!.AsArray(), d => d!["@type"]!.GetValue<string>().EndsWith("google.rpc.RetryInfo", StringComparison.Ordinal));
    }
}
