using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace HmisPlatform.BuildingBlocks.Hosting.TestClock;

/// <summary>Keeps this process's <see cref="PlatformClock"/> on the shared offset: read at start, then on every move.</summary>
public sealed partial class TestClockFollower(PlatformClock clock, IConnectionMultiplexer redis, ILogger<TestClockFollower> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await redis.GetSubscriber().SubscribeAsync(TestClockStore.MovedChannel, (_, offset) =>
        {
            if (long.TryParse((string?)offset, NumberStyles.Integer, CultureInfo.InvariantCulture, out var milliseconds))
            {
                clock.Follow(TimeSpan.FromMilliseconds(milliseconds));
            }
        });
        try
        {
            await CatchUpAsync();
        }
        catch (RedisException ex)
        {
            // The clock probe catches up on its next call; real time meanwhile.
            LogNotRead(logger, ex);
        }
    }

    /// <summary>Reads the offset now (the clock probe does too, so it never answers behind).</summary>
    public async Task CatchUpAsync() => clock.Follow(await TestClockStore.ReadOffsetAsync(redis.GetDatabase()));

    public Task StopAsync(CancellationToken cancellationToken) => redis.GetSubscriber().UnsubscribeAsync(TestClockStore.MovedChannel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The test clock's offset could not be read at start")]
    private static partial void LogNotRead(ILogger logger, Exception exception);
}
