using StackExchange.Redis;

namespace HmisPlatform.BuildingBlocks.Hosting.TestClock;

/// <summary>
/// Where the test clock's one shared offset lives: a Redis key that only grows (in milliseconds, which Lua's numbers hold
/// exactly), and a channel that tells every service it moved. An advance is idempotent: its request id is kept with the
/// offset it produced for a day.
/// </summary>
public static class TestClockStore
{
    public static readonly RedisKey OffsetKey = "hmis:test-clock:offset";
    public static readonly RedisChannel MovedChannel = RedisChannel.Literal("hmis:test-clock:moved");

    private static RedisKey AdvanceKey(string requestId) => $"hmis:test-clock:advance:{requestId}";

    // Atomically: a known request id answers what it produced (or "REUSED" for another amount); else the offset grows.
    private const string AdvanceScript = """
        local done = redis.call('GET', KEYS[2])
        if done then
            local by, offset = string.match(done, '([^|]*)|(.*)')
            if by ~= ARGV[1] then return 'REUSED' end
            return offset
        end
        local offset = string.format('%d', redis.call('INCRBY', KEYS[1], ARGV[1]))
        redis.call('SET', KEYS[2], ARGV[1] .. '|' .. offset, 'EX', 86400)
        return offset
        """;

    public static async Task<TimeSpan> ReadOffsetAsync(IDatabase redis) =>
        await redis.StringGetAsync(OffsetKey) is { HasValue: true } value ? TimeSpan.FromMilliseconds((long)value) : TimeSpan.Zero;

    /// <returns>The offset after the advance, or null when the request id was used for another amount.</returns>
    public static async Task<TimeSpan?> AdvanceAsync(IDatabase redis, string requestId, TimeSpan by)
    {
        var result = (string?)await redis.ScriptEvaluateAsync(AdvanceScript, [OffsetKey, AdvanceKey(requestId)], [(long)by.TotalMilliseconds]);
        if (result is null or "REUSED")
        {
            return null;
        }
        await redis.PublishAsync(MovedChannel, result);
        return TimeSpan.FromMilliseconds(long.Parse(result, System.Globalization.CultureInfo.InvariantCulture));
    }
}
