using System.Collections.Concurrent;
using System.Diagnostics;
using HmisPlatform.Testing;

namespace HmisPlatform.Requests.Tests.Api;

public sealed class TracingTests(RequestsFixture service) : IClassFixture<RequestsFixture>, IDisposable
{
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private ActivityListener? _listener;

    [Fact]
    public async Task Submit_OneTraceHoldsTheCallItsDatabaseWorkAndThePublishOfItsEvent()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
        using var caller = new Activity("agency system call").Start();

        var submitted = (await service.Client.SubmitAccessRequestAsync(Requests.NewAgencyUser("traced.person@lakeview.example.org"))).AccessRequest;

        var trace = caller.TraceId;
        var publish = await Eventually.ReturnsAsync(
            () => Task.FromResult(_stopped.FirstOrDefault(a => a.TraceId == trace && a.OperationName == "hmis.events.v1.AccessRequestSubmitted publish")),
            a => a is not null);
        Assert.Equal(ActivityKind.Producer, publish!.Kind);
        Assert.Contains(_stopped, a => a.TraceId == trace && a.Source.Name == "Microsoft.AspNetCore" && a.Kind == ActivityKind.Server);
        Assert.Contains(_stopped, a => a.TraceId == trace && a.Source.Name == "Npgsql");
        Assert.NotEmpty(submitted.Id);
    }

    public void Dispose() => _listener?.Dispose();
}
