using System.Diagnostics.Metrics;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Requests.Domain.AccessRequests;
using HmisPlatform.Requests.Domain.Journeys;

namespace HmisPlatform.Requests.Infrastructure;

/// <summary>
/// The process as operators see it in the dashboard: people in each stage (a gauge, from the census) and the time
/// people spent in each stage before moving on (a histogram), tagged by stage and request type.
/// </summary>
public sealed class JourneyMetrics
{
    public const string MeterName = "HmisPlatform.Journeys";

    private readonly Histogram<double> _stageDuration;
    private IReadOnlyList<(JourneyStage Stage, RequestType Type, int People)> _census = [];

    public JourneyMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _stageDuration = meter.CreateHistogram<double>("hmis.journey.stage.duration", unit: "d",
            description: "Days a person spent in a stage before moving on.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.5, 1, 2, 3, 5, 7, 10, 14, 21, 30, 45, 60, 90, 180] });
        meter.CreateObservableGauge("hmis.journey.people", () => Volatile.Read(ref _census).Select(c =>
                new Measurement<int>(c.People, new KeyValuePair<string, object?>("stage", Tag(c.Stage)), new KeyValuePair<string, object?>("request_type", Tag(c.Type)))),
            description: "People whose journey is in each stage now.");
    }

    public void StageLeft(JourneyStage stage, RequestType type, TimeSpan spent) =>
        _stageDuration.Record(Math.Max(0, spent.TotalDays), new KeyValuePair<string, object?>("stage", Tag(stage)), new KeyValuePair<string, object?>("request_type", Tag(type)));

    public void Census(IReadOnlyList<(JourneyStage Stage, RequestType Type, int People)> census) => Volatile.Write(ref _census, census);

    private static string Tag<T>(T value)
        where T : struct, Enum => EnumNames.Prefixed(value);
}
