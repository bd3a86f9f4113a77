using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hmis.Platform.V1;
using HmisPlatform.BuildingBlocks.Grpc;
using Microsoft.Extensions.Logging;

namespace HmisPlatform.BuildingBlocks.Hosting.TestClock;

/// <summary>This service's part of the test clock: its clock now, and its sweeps run on demand. The HMIS team's alone.</summary>
internal sealed partial class ServiceClockService(PlatformClock clock, TestClockFollower follower, IEnumerable<RecurringWork> work, ILogger<ServiceClockService> logger)
    : ServiceClock.ServiceClockBase
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
            try
            {
                await sweep.RunNowAsync(context.CancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSweepFailed(logger, sweep.Name, e);
                // The sweep's name and the kind of failure, never its data; the log has the rest.
                throw new RpcException(new Status(StatusCode.Internal, $"The sweep {sweep.Name} failed ({e.GetType().Name})."));
            }
            ran.Sweeps.Add(sweep.Name);
        }
        return ran;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Sweep {Sweep} failed when run on demand")]
    private static partial void LogSweepFailed(ILogger logger, string sweep, Exception exception);
}
