using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Google.Protobuf.WellKnownTypes;
using Hmis.Events.V1;
using HmisPlatform.Requests.Infrastructure;
using HmisPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HmisPlatform.Requests.Tests.Api;

/// <summary>What operators see of the process in the dashboard: people per stage, and days spent in each stage.</summary>
public sealed class JourneyMetricsTests(RequestsFixture service) : IClassFixture<RequestsFixture>
{
    [Fact]
    public async Task MovingOn_RecordsTimeInTheStageLeft_AndTheCensusCountsPeoplePerStage()
    {
        var measurements = new ConcurrentBag<(string Instrument, double Value, string? Stage)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == JourneyMetrics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Add((i.Name, v, Stage(tags))));
        listener.SetMeasurementEventCallback<int>((i, v, tags, _) => measurements.Add((i.Name, v, Stage(tags))));
        listener.Start();

        var submitted = (await service.Client.SubmitAccessRequestAsync(Requests.NewAgencyUser("metrics.person@lakeview.example.org"))).AccessRequest;
        await service.HmisTeam.ApproveAsync(submitted);
        await service.Redis.PublishAsync(service.StreamOf(TrainingEnrolled.Descriptor), new TrainingEnrolled
        {
            EventId = Guid.NewGuid().ToString(), OccurredAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
            PersonId = submitted.Users[0].PersonId, AccessRequestId = submitted.Id,
        });
        await Eventually.ReturnsAsync(() => Task.FromResult(measurements.ToList()),
            m => m.Any(x => x.Instrument == "hmis.journey.stage.duration" && x.Stage == "JOURNEY_STAGE_REQUEST"));
        // The duration is recorded as the event is applied; the census counts what is committed, so it may take a round.
        var census = service.Services.GetServices<IHostedService>().OfType<JourneyCensus>().Single();
        var counted = await Eventually.ReturnsAsync(async () =>
        {
            await census.CountAsync(CancellationToken.None);
            listener.RecordObservableInstruments();
            return measurements.ToList();
        }, m => m.Any(x => x.Instrument == "hmis.journey.people" && x.Stage == "JOURNEY_STAGE_TRAINING"));

        Assert.Contains(counted, m => m.Instrument == "hmis.journey.people" && m.Stage == "JOURNEY_STAGE_TRAINING" && m.Value >= 1);
    }

    private static string? Stage(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "stage")
            {
                return tag.Value as string;
            }
        }
        return null;
    }
}
