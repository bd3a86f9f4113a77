using HmisPlatform.BuildingBlocks.Hosting.TestClock;
using HmisPlatform.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace HmisPlatform.BuildingBlocks.Tests.Hosting;

/// <summary>The test clock: one shared offset in Redis that only moves forward, once per request, and every process follows.</summary>
public sealed class TestClockTests : IAsyncLifetime
{
    private ConnectionMultiplexer _redis = null!;

    public async Task InitializeAsync()
    {
        _redis = await ConnectionMultiplexer.ConnectAsync((await LocalServers.GetAsync()).Redis);
        await _redis.GetDatabase().KeyDeleteAsync(TestClockStore.OffsetKey);
    }

    public async Task DisposeAsync()
    {
        await _redis.GetDatabase().KeyDeleteAsync(TestClockStore.OffsetKey);
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task Advance_Retried_MovesTheClockOnce_AndAnotherAmountUnderTheSameKeyIsRefused()
    {
        var redis = _redis.GetDatabase();
        var request = Guid.NewGuid().ToString();

        var first = await TestClockStore.AdvanceAsync(redis, request, TimeSpan.FromDays(11));
        var retried = await TestClockStore.AdvanceAsync(redis, request, TimeSpan.FromDays(11));
        var reused = await TestClockStore.AdvanceAsync(redis, request, TimeSpan.FromDays(2));
        var next = await TestClockStore.AdvanceAsync(redis, Guid.NewGuid().ToString(), TimeSpan.FromHours(1));

        Assert.Equal(TimeSpan.FromDays(11), first);
        Assert.Equal(first, retried);
        Assert.Null(reused);
        Assert.Equal(TimeSpan.FromDays(11) + TimeSpan.FromHours(1), next);
        Assert.Equal(next, await TestClockStore.ReadOffsetAsync(redis));
    }

    [Fact]
    public async Task SevenMonthsAndMore_AddUpExactly()
    {
        var redis = _redis.GetDatabase();

        await TestClockStore.AdvanceAsync(redis, Guid.NewGuid().ToString(), TimeSpan.FromDays(214));
        var after = await TestClockStore.AdvanceAsync(redis, Guid.NewGuid().ToString(), TimeSpan.FromDays(400) + TimeSpan.FromMilliseconds(7));

        Assert.Equal(TimeSpan.FromDays(614) + TimeSpan.FromMilliseconds(7), after);
    }

    [Fact]
    public async Task EveryProcessFollowsTheMove_WithoutAsking()
    {
        var clock = new PlatformClock();
        var follower = new TestClockFollower(clock, _redis, NullLogger<TestClockFollower>.Instance);
        await follower.StartAsync(default);
        try
        {
            await TestClockStore.AdvanceAsync(_redis.GetDatabase(), Guid.NewGuid().ToString(), TimeSpan.FromDays(30));

            var followed = await Eventually.ReturnsAsync(() => Task.FromResult(clock.Offset), offset => offset == TimeSpan.FromDays(30));
            Assert.Equal(TimeSpan.FromDays(30), followed);
            Assert.InRange(clock.GetUtcNow() - DateTimeOffset.UtcNow, TimeSpan.FromDays(30) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1));
        }
        finally
        {
            await follower.StopAsync(default);
        }
    }

    [Fact]
    public void PlatformClock_NeverGoesBack()
    {
        var clock = new PlatformClock();

        clock.Follow(TimeSpan.FromDays(3));
        clock.Follow(TimeSpan.FromDays(1));

        Assert.Equal(TimeSpan.FromDays(3), clock.Offset);
        Assert.Equal("America/Chicago", clock.LocalTimeZone.Id);
    }
}
