using HmisPlatform.BuildingBlocks.Hosting;
using HmisPlatform.Testing;
using Microsoft.Extensions.Time.Testing;

namespace HmisPlatform.BuildingBlocks.Tests.Hosting;

public sealed class RecurringWorkTests
{
    /// <summary>Work whose first round fails; it counts the rounds it was asked to do.</summary>
    private sealed class FailingOnce(TimeProvider time, CapturedLogs logs) : RecurringWork(time, logs.CreateLogger(nameof(FailingOnce)))
    {
        public int Rounds;

        protected override TimeSpan Interval => TimeSpan.FromHours(1);

        protected override Task RunRoundAsync(CancellationToken cancellationToken) =>
            Interlocked.Increment(ref Rounds) == 1 ? throw new InvalidOperationException("database away") : Task.CompletedTask;
    }

    [Fact]
    public async Task FailedRound_IsLogged_AndTheNextRoundRunsOnTheClock()
    {
        var clock = new FakeTimeProvider();
        using var logs = new CapturedLogs();
        using var work = new FailingOnce(clock, logs);

        await work.StartAsync(CancellationToken.None);
        await Eventually.ReturnsAsync(() => Task.FromResult(work.Rounds), r => r == 1);
        clock.Advance(TimeSpan.FromHours(1));
        var rounds = await Eventually.ReturnsAsync(() => Task.FromResult(work.Rounds), r => r == 2);
        await work.StopAsync(CancellationToken.None);

        Assert.Equal(2, rounds);
        Assert.Contains(logs.Lines, l => l.Contains("FailingOnce failed; the next round tries again", StringComparison.Ordinal));
    }
}
