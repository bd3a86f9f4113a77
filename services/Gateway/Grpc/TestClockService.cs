using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hmis.Gateway.V1;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Hosting;
using HmisPlatform.BuildingBlocks.Hosting.TestClock;
using HmisPlatform.Gateway.Domain;
using HmisPlatform.Gateway.Identity;
using HmisPlatform.Gateway.Security;
using HmisPlatform.Gateway.Staff;
using Microsoft.AspNetCore.Authorization;
using StackExchange.Redis;

namespace HmisPlatform.Gateway.Grpc;

/// <summary>The platform's test clock for the HMIS team: one shared offset in Redis that every service follows.</summary>
[Authorize(Policy = GatewayPolicies.HmisTeam)]
public sealed class TestClockService(IConnectionMultiplexer redis, ServiceClocks services, IHostEnvironment environment, PersonTokens personTokens)
    : Hmis.Gateway.V1.TestClock.TestClockBase
{
    public const string IdempotencyKeyReusedReason = "IDEMPOTENCY_KEY_REUSED";

    public override async Task<GetTestClockResponse> GetTestClock(GetTestClockRequest request, ServerCallContext context)
    {
        TestClockRules.EnsureAllowed(environment.IsDeployed());
        var offset = await TestClockStore.ReadOffsetAsync(redis.GetDatabase());
        return new GetTestClockResponse { Now = Timestamp.FromDateTimeOffset(TimeProvider.System.GetUtcNow() + offset), Offset = Duration.FromTimeSpan(offset) };
    }

    public override async Task<AdvanceTestClockResponse> AdvanceTestClock(AdvanceTestClockRequest request, ServerCallContext context)
    {
        TestClockRules.EnsureAllowed(environment.IsDeployed());
        var requestId = Ids.Parse(request.RequestId, "request_id");
        var by = TestClockRules.Advance(request.By?.ToTimeSpan());
        var offset = await TestClockStore.AdvanceAsync(redis.GetDatabase(), requestId.ToString(), by)
            ?? throw DomainException.Invalid(IdempotencyKeyReusedReason, "That request_id was used for another move of the clock.",
                new FieldViolation("request_id", "used for another move", IdempotencyKeyReusedReason));
        await services.CatchUpAsync(offset, Caller(context), context.CancellationToken);
        return new AdvanceTestClockResponse { Now = Timestamp.FromDateTimeOffset(TimeProvider.System.GetUtcNow() + offset), Offset = Duration.FromTimeSpan(offset) };
    }

    public override async Task<RunSweepsResponse> RunSweeps(RunSweepsRequest request, ServerCallContext context)
    {
        TestClockRules.EnsureAllowed(environment.IsDeployed());
        Ids.Parse(request.RequestId, "request_id");
        return new RunSweepsResponse { Sweeps = { await services.RunSweepsAsync(Caller(context), context.CancellationToken) } };
    }

    /// <summary>The caller's own credentials for the services: their bearer token, or a person token for a signed-in page.</summary>
    private Metadata Caller(ServerCallContext context)
    {
        var http = context.GetHttpContext();
        var bearer = http.Request.Headers.Authorization.ToString();
        if (bearer.Length == 0 && StaffIdentity.IsPersonSession(http))
        {
            bearer = "Bearer " + personTokens.Issue(http.User, new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/"));
        }
        return new Metadata { { "authorization", bearer } };
    }
}
