using System.Diagnostics;
using Microsoft.Extensions.Hosting;

namespace HmisPlatform.BuildingBlocks.Tests.Telemetry;

public sealed class BackgroundSpanFilterTests : IDisposable
{
    private readonly ActivityListener _listener = new()
    {
        ShouldListenTo = _ => true,
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };

    public BackgroundSpanFilterTests() => ActivitySource.AddActivityListener(_listener);

    private static bool RecordedAfterFilter(Activity activity)
    {
        activity.Stop();
        new BackgroundSpanFilter().OnEnd(activity);
        return activity.Recorded;
    }

    [Theory]
    [InlineData("Npgsql")]
    [InlineData("OpenTelemetry.Instrumentation.StackExchangeRedis")]
    public void DataStoreCall_WithNoParent_IsNotExported(string source)
    {
        using var store = new ActivitySource(source);
        Assert.False(RecordedAfterFilter(store.StartActivity("poll", ActivityKind.Client, default(ActivityContext))!));
    }

    [Fact]
    public void DataStoreCall_InsideARequest_IsExported()
    {
        using var server = new ActivitySource("Microsoft.AspNetCore.Test");
        using var store = new ActivitySource("Npgsql");
        using var request = server.StartActivity("POST", ActivityKind.Server);

        Assert.True(RecordedAfterFilter(store.StartActivity("query", ActivityKind.Client)!));
    }

    [Fact]
    public void SpanUnderAnUnrecordedRequest_IsNotExported()
    {
        using var server = new ActivitySource("Microsoft.AspNetCore.Test");
        using var store = new ActivitySource("Npgsql");
        using var probe = server.StartActivity("GET /health", ActivityKind.Server)!;
        probe.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;

        Assert.False(RecordedAfterFilter(store.StartActivity("SELECT 1", ActivityKind.Client)!));
    }

    [Fact]
    public void RequestWithNoParent_IsExported()
    {
        using var server = new ActivitySource("Microsoft.AspNetCore.Test");
        Assert.True(RecordedAfterFilter(server.StartActivity("POST", ActivityKind.Server, default(ActivityContext))!));
    }

    public void Dispose() => _listener.Dispose();
}
