using Google.Rpc;
using Grpc.Core;
using Hmis.Requests.V1;
using HmisPlatform.Gateway.Identity;
using HmisPlatform.Testing;

namespace HmisPlatform.Gateway.Tests;

public sealed class RateLimitTests(RateLimitedGatewayFixture gateway) : IClassFixture<RateLimitedGatewayFixture>
{
    private static async Task<StatusCode> CallAsync(AccessRequests.AccessRequestsClient client)
    {
        try
        {
            await client.GetJourneyAsync(new GetJourneyRequest { PersonId = Guid.NewGuid().ToString() });
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }

    [Trait("ASVS", "2.4.1")]
    [Fact]
    public async Task CallerOverItsLimit_IsResourceExhaustedWithARetryHint_OthersAreNot_AndItRecovers()
    {
        var lakeview = new AccessRequests.AccessRequestsClient(gateway.ChannelWithToken(
            await gateway.TokenAsync(DemoClients.LakeviewClientId, DemoClients.LakeviewSecret)));
        var reviewDesk = new AccessRequests.AccessRequestsClient(gateway.ChannelWithToken(
            await gateway.TokenAsync(DemoClients.ReviewDeskClientId, DemoClients.ReviewDeskSecret)));

        // A quick burst touches at most two windows, so one call more than two windows allow must be refused.
        RpcException? refused = null;
        for (var i = 0; i <= 2 * RateLimitedGatewayFixture.Limit && refused is null; i++)
        {
            refused = await Record.ExceptionAsync(() => lakeview.GetJourneyAsync(new GetJourneyRequest { PersonId = Guid.NewGuid().ToString() }).ResponseAsync) is RpcException { StatusCode: StatusCode.ResourceExhausted } e ? e : null;
        }

        Assert.NotNull(refused);
        var status = refused.GetRpcStatus()!;
        Assert.Equal("RATE_LIMITED", status.GetDetail<ErrorInfo>().Reason);
        var retryAfter = status.GetDetail<RetryInfo>().RetryDelay.ToTimeSpan();
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(1), RateLimitedGatewayFixture.LimitWindow);
        Assert.NotEqual(StatusCode.ResourceExhausted, await CallAsync(reviewDesk));

        // It recovers by the time its hint says (a second's grace for a busy machine); a refused call uses no permit.
        await Eventually.ReturnsAsync(() => CallAsync(lakeview), s => s != StatusCode.ResourceExhausted, retryAfter + TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task SignedInPersonOverTheirLimit_Gets429WithTheSameStatusAsGrpc()
    {
        using var browser = new StaffBrowser(gateway.CreateBrowser());
        await browser.SignInAsync(Staff.DemoStaff.SouthsideAta.Email, Staff.DemoStaff.Password);

        System.Net.HttpStatusCode last = default;
        for (var i = 0; i <= 2 * RateLimitedGatewayFixture.Limit && last != System.Net.HttpStatusCode.TooManyRequests; i++)
        {
            using var response = await browser.Http.GetAsync($"/v1/people/{Guid.NewGuid()}/journey");
            last = response.StatusCode;
            if (last == System.Net.HttpStatusCode.TooManyRequests)
            {
                var status = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>(response.Content))!;
                Assert.Equal(8, status["code"]!.GetValue<int>());
                Assert.Equal("RATE_LIMITED", status["details"]![0]!["reason"]!.GetValue<string>());
                Assert.True(response.Headers.RetryAfter is not null);
            }
        }

        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, last);
    }
}
