namespace HmisPlatform.BuildingBlocks.Persistence;

/// <summary>
/// Postgres keeps timestamps to the microsecond, .NET to the tenth of one. Times a command stores are cut to the
/// microsecond first, so the answer to the command and every later read of what it stored agree.
/// </summary>
public static class StoredTime
{
    public static DateTimeOffset GetStoredNow(this TimeProvider time) => Truncate(time.GetUtcNow());

    /// <summary>A time as Postgres will keep it.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset time) => time.AddTicks(-(time.Ticks % TimeSpan.TicksPerMicrosecond));
}
