using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hmis.Gateway.V1;
using HmisPlatform.Gateway.Domain;
using HmisPlatform.Gateway.Identity;
using HmisPlatform.Testing;

namespace HmisPlatform.Gateway.Tests;

/// <summary>The test clock's API at the gateway: the HMIS team's alone, forward only; the whole journey is rehearsed end to end.</summary>
public sealed class TestClockTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task AnAgencySystem_MayNotTouchTheClock()
    {
        var agency = new TestClock.TestClockClient(gateway.ChannelWithToken(await gateway.TokenAsync(DemoClients.LakeviewClientId, DemoClients.LakeviewSecret)));

        var refused = await RpcErrors.CatchAsync(() => agency.AdvanceTestClockAsync(new AdvanceTestClockRequest
        {
            RequestId = Guid.NewGuid().ToString(), By = Duration.FromTimeSpan(TimeSpan.FromDays(1)),
        }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }

    [Fact]
    public async Task Advance_BackwardsOrBeyond400Days_IsRefusedOnBy_AndMovesNothing()
    {
        var clock = new TestClock.TestClockClient(await gateway.HmisTeamChannelAsync());
        var before = await clock.GetTestClockAsync(new GetTestClockRequest());

        var backwards = await RpcErrors.CatchAsync(() => clock.AdvanceTestClockAsync(new AdvanceTestClockRequest
        {
            RequestId = Guid.NewGuid().ToString(), By = Duration.FromTimeSpan(TimeSpan.FromDays(-1)),
        }).ResponseAsync);
        var tooFar = await RpcErrors.CatchAsync(() => clock.AdvanceTestClockAsync(new AdvanceTestClockRequest
        {
            RequestId = Guid.NewGuid().ToString(), By = Duration.FromTimeSpan(TimeSpan.FromDays(401)),
        }).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, TestClockRules.AdvanceInvalidReason, "by"), (backwards.StatusCode, backwards.Reason(), backwards.ViolatedFields().Single()));
        Assert.Equal(TestClockRules.AdvanceInvalidReason, tooFar.Reason());
        Assert.Equal(before.Offset, (await clock.GetTestClockAsync(new GetTestClockRequest())).Offset);
    }
}

/// <summary>Production runs on real time: the test clock refuses every call, even the HMIS team's.</summary>
public sealed class ProductionTestClockTests(ProductionGatewayFixture gateway) : IClassFixture<ProductionGatewayFixture>
{
    [Fact]
    public async Task InProduction_EveryTestClockCall_IsRefused()
    {
        var clock = new TestClock.TestClockClient(await gateway.HmisTeamChannelAsync());

        var read = await RpcErrors.CatchAsync(() => clock.GetTestClockAsync(new GetTestClockRequest()).ResponseAsync);
        var advance = await RpcErrors.CatchAsync(() => clock.AdvanceTestClockAsync(new AdvanceTestClockRequest
        {
            RequestId = Guid.NewGuid().ToString(), By = Duration.FromTimeSpan(TimeSpan.FromDays(1)),
        }).ResponseAsync);
        var sweeps = await RpcErrors.CatchAsync(() => clock.RunSweepsAsync(new RunSweepsRequest { RequestId = Guid.NewGuid().ToString() }).ResponseAsync);

        Assert.All([read, advance, sweeps], refused =>
            Assert.Equal((StatusCode.FailedPrecondition, TestClockRules.NotInProductionReason), (refused.StatusCode, refused.Reason())));
    }
}
