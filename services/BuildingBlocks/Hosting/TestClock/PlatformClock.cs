using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.BuildingBlocks.Hosting.TestClock;

/// <summary>
/// The clock a service's rules read outside Production: the real time plus the test clock's offset, which every
/// service follows (<see cref="TestClockFollower"/>). Only "now" moves: timers and stopwatches keep real time, so
/// intervals, timeouts and token lifetimes are untouched.
/// </summary>
public sealed class PlatformClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => Continuum.TimeZone;

    /// <summary>Follows the shared offset; it only ever moves forward.</summary>
    public void Follow(TimeSpan offset)
    {
        long current;
        do
        {
            current = Interlocked.Read(ref _offsetTicks);
            if (offset.Ticks <= current)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _offsetTicks, offset.Ticks, current) != current);
    }
}
