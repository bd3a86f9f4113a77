using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.BuildingBlocks.Tests.Domain;

/// <summary>The Continuum's clock is Chicago's: its dates change at midnight there, and its months keep the wall clock across daylight saving.</summary>
public sealed class ContinuumTests
{
    [Fact]
    public void Today_At6pmInChicago_IsStillTheSameDay_ThoughUtcIsTomorrow()
    {
        // 2026-06-30 19:30 CDT is 2026-07-01 00:30 UTC.
        var evening = new DateTimeOffset(2026, 7, 1, 0, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 6, 30), Continuum.DateOf(evening));
        Assert.Equal(new DateOnly(2026, 7, 1), Continuum.DateOf(new DateTimeOffset(2026, 7, 1, 5, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Today_ChangesAtMidnightInChicago_InWinterAndSummer()
    {
        Assert.Equal(new DateOnly(2026, 1, 14), Continuum.DateOf(new DateTimeOffset(2026, 1, 15, 5, 59, 59, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 1, 15), Continuum.DateOf(new DateTimeOffset(2026, 1, 15, 6, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 7, 14), Continuum.DateOf(new DateTimeOffset(2026, 7, 15, 4, 59, 59, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 7, 15, 5, 0, 0, TimeSpan.Zero), Continuum.StartOf(new DateOnly(2026, 7, 15)));
    }

    [Fact]
    public void Months_FromWinterIntoSummer_KeepTheWallClock_SoTheUtcHourMoves()
    {
        // 10:00 CST on 15 January; six months later is 10:00 CDT on 15 July, which is 15:00 UTC, not 16:00.
        var login = new DateTimeOffset(2026, 1, 15, 16, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 7, 15, 15, 0, 0, TimeSpan.Zero), Continuum.AddMonths(login, 6));
        Assert.Equal(login, Continuum.AddMonths(Continuum.AddMonths(login, 6), -6));
    }

    [Fact]
    public void Days_AcrossTheSpringChange_Are23HoursLongWhereTheClockSkips()
    {
        // 14:00 CST on 5 March 2026; ten days later is 14:00 CDT on 15 March (clocks went forward on 8 March).
        var seated = new DateTimeOffset(2026, 3, 5, 20, 0, 0, TimeSpan.Zero);

        var expires = Continuum.AddDays(seated, 10);

        Assert.Equal(new DateTimeOffset(2026, 3, 15, 19, 0, 0, TimeSpan.Zero), expires);
        Assert.Equal(TimeSpan.FromHours(239), expires - seated);
    }

    [Fact]
    public void AWallClockTimeTheClocksSkip_CountsAsTheMomentAfterTheGap()
    {
        // 02:30 on 8 March 2026 does not exist in Chicago; one day after 02:30 on 7 March is 03:30 CDT.
        var before = new DateTimeOffset(2026, 3, 7, 8, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 3, 8, 8, 30, 0, TimeSpan.Zero), Continuum.AddDays(before, 1));
    }

    [Fact]
    public void AWallClockTimeShownTwice_IsItsFirstOccurrence()
    {
        // 01:30 on 1 November 2026 happens twice in Chicago: first at 06:30 UTC (CDT), then at 07:30 UTC (CST).
        var dayBefore = new DateTimeOffset(2026, 10, 31, 6, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 11, 1, 6, 30, 0, TimeSpan.Zero), Continuum.AddDays(dayBefore, 1));
    }
}
