using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hmis.Platform.V1;
using HmisPlatform.BuildingBlocks.Grpc;

namespace HmisPlatform.BuildingBlocks.Hosting.TestClock;

/// <summary>This service's part of the test clock: its clock now, and its sweeps run on demand. The HMIS team's alone.</summary>
internal sealed class ServiceClockService(PlatformClock clock, TestClockFollower follower, IEnumerable<RecurringWork> work) : ServiceClock.ServiceClockBase
{
    public override async Task<GetServiceClockResponse> GetServiceClock(GetServiceClockRequest request, ServerCallContext context)
    {
        context.Caller().EnsureHmisTeam("reads the test clock");
        await follower.CatchUpAsync();
        return new GetServiceClockResponse { Now = Timestamp.FromDateTimeOffset(clock.GetUtcNow()), Offset = Duration.FromTimeSpan(clock.Offset) };
    }

    public override async Task<RunServiceSweepsResponse> RunServiceSweeps(RunServiceSweepsRequest request, ServerCallContext context)
    {
        context.Caller().EnsureHmisTeam("runs sweeps on demand");
        await follower.CatchUpAsync();
        var ran = new RunServiceSweepsResponse();
        foreach (var sweep in work)
        {
            await sweep.RunNowAsync(context.CancellationToken);
            ran.Sweeps.Add(sweep.Name);
        }
        return ran;
    }
}
