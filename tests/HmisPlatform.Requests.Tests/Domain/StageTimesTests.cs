using HmisPlatform.Requests.Domain.Journeys;

namespace HmisPlatform.Requests.Tests.Domain;

/// <summary>The time a journey spends in each stage, as the journeys export reports it.</summary>
public sealed class StageTimesTests
{
    private static readonly DateTimeOffset Start = new(2026, 9, 1, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void EachStage_RunsUntilTheNextBegins_AndAFinishedJourneyEndsWhenItFinished()
    {
        var times = StageTimes.Of(
        [
            (JourneyStage.Request, Start),
            (JourneyStage.Request, Start.AddDays(1)),
            (JourneyStage.Training, Start.AddDays(2)),
            (JourneyStage.Assessment, Start.AddDays(12)),
            (JourneyStage.Credentials, Start.AddDays(15)),
            (JourneyStage.Complete, Start.AddDays(16)),
        ], now: Start.AddDays(40));

        Assert.Equal(JourneyStage.Complete, times.Current);
        Assert.Equal([TimeSpan.FromDays(2), TimeSpan.FromDays(10), TimeSpan.FromDays(3), TimeSpan.FromDays(1)],
            new[] { JourneyStage.Request, JourneyStage.Training, JourneyStage.Assessment, JourneyStage.Credentials }.Select(s => times.Durations[s]));
        Assert.Equal(Start.AddDays(16), times.CompletedAt);
    }

    [Fact]
    public void TheStageAJourneyIsIn_RunsUntilNow_AndStagesNotReachedHaveNoTime()
    {
        var times = StageTimes.Of([(JourneyStage.Training, Start.AddDays(3)), (JourneyStage.Request, Start)], now: Start.AddDays(5));

        Assert.Equal(JourneyStage.Training, times.Current);
        Assert.Equal(TimeSpan.FromDays(2), times.Durations[JourneyStage.Training]);
        Assert.False(times.Durations.ContainsKey(JourneyStage.Assessment));
        Assert.Null(times.CompletedAt);
    }
}
