namespace HmisPlatform.BuildingBlocks.Domain;

/// <summary>
/// The Continuum's clock: every date rule counts days and months in the Continuum's own time zone (the Chicago CoC's
/// is <c>America/Chicago</c>), not in UTC. An APA that ends today is current until midnight in Chicago; three months
/// from a completion is the same local time three calendar months later, across daylight-saving changes. The zone is
/// one per deployment (configuration <c>Continuum:TimeZone</c>), set once when a process starts.
/// </summary>
public static class Continuum
{
    public const string DefaultTimeZoneId = "America/Chicago";

    /// <summary>The Continuum's time zone.</summary>
    public static TimeZoneInfo TimeZone { get; private set; } = TimeZoneInfo.FindSystemTimeZoneById(DefaultTimeZoneId);

    /// <summary>Sets the Continuum's time zone from its IANA id; an unknown id fails the start.</summary>
    public static void UseTimeZone(string id) => TimeZone = TimeZoneInfo.FindSystemTimeZoneById(id);

    /// <summary>The instant as the Continuum's wall clock shows it.</summary>
    public static DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    /// <summary>An instant on the Continuum's wall clock for people: <c>2026-12-06 14:05 CST</c>.</summary>
    public static string Describe(DateTimeOffset instant)
    {
        var local = Local(instant);
        return $"{local.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)} {ZoneLabel(local)}";
    }

    private static string ZoneLabel(DateTimeOffset local) => TimeZone.Id switch
    {
        DefaultTimeZoneId => TimeZone.IsDaylightSavingTime(local) ? "CDT" : "CST",
        _ => $"UTC{local.Offset.Hours:+00;-00}:{Math.Abs(local.Offset.Minutes):00}",
    };

    /// <summary>The Continuum's date at an instant: what "today" means for every date rule.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(Local(instant).DateTime);

    /// <summary>The first instant of a day in the Continuum.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => ToInstant(day.ToDateTime(TimeOnly.MinValue));

    /// <summary>The same wall-clock time, a number of calendar months later (or earlier).</summary>
    public static DateTimeOffset AddMonths(DateTimeOffset instant, int months) => ToInstant(Local(instant).DateTime.AddMonths(months));

    /// <summary>The same wall-clock time, a number of calendar days later (or earlier).</summary>
    public static DateTimeOffset AddDays(DateTimeOffset instant, int days) => ToInstant(Local(instant).DateTime.AddDays(days));

    /// <summary>
    /// A wall-clock time of the Continuum as an instant (in UTC). A time the clocks skip (spring forward) counts as the
    /// moment after the gap; a time they show twice (fall back) as its first occurrence.
    /// </summary>
    public static DateTimeOffset FromWallClock(DateTime wallClock) => ToInstant(wallClock);

    private static DateTimeOffset ToInstant(DateTime wallClock)
    {
        var local = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        if (TimeZone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }
        var offset = TimeZone.IsAmbiguousTime(local) ? TimeZone.GetAmbiguousTimeOffsets(local).Max() : TimeZone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
