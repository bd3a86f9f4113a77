using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Requests.Domain.AccessRequests;
using HmisPlatform.Requests.Domain.Agencies;
using HmisPlatform.Requests.Domain.Journeys;
using HmisPlatform.Requests.Domain.People;
using Agency = HmisPlatform.Requests.Domain.Agencies.Agency;
using AgencyAdministrator = HmisPlatform.Requests.Domain.Agencies.AgencyAdministrator;
using NewUser = HmisPlatform.Requests.Domain.AccessRequests.NewUser;

namespace HmisPlatform.Requests.Tests.Domain;

/// <summary>Step 1's date rules count days in Chicago: an APA that ends today is current until midnight there.</summary>
public sealed class ContinuumClockTests
{
    private static readonly Agency Agency = new(Guid.NewGuid(), AgencyProfile.Create("Agency", ["agency.example.org"], true, "2025-07-01", "2026-06-30",
        [("Shelter", ProjectType.EmergencyShelter)]));

    private static Submission SubmitAt(DateTimeOffset now)
    {
        var ata = new AgencyAdministrator(Guid.NewGuid(), Agency.Id, "Ata", "ata@agency.example.org", AdministratorRole.Ata, new DateOnly(2025, 11, 1));
        ata.RecordTraining(AtaTrainingKind.LiveSession, new DateOnly(2025, 12, 10), new DateOnly(2025, 12, 10));
        return Submission.Check(RequestType.NewAgencyUsers, Agency, ata, [new NewUser("Dana", "Whitfield", "dana@agency.example.org")],
            RequestedAccess.Create([Responsibility.EnterClientData], [ProjectType.EmergencyShelter]), "", new AccessRequestRules(), new AtaTrainingCalendar(), now);
    }

    [Fact]
    public void ApaEndingToday_At10pmInChicago_StillTakesRequests_ThoughItIsTomorrowInUtc() =>
        Assert.NotNull(SubmitAt(new DateTimeOffset(2026, 7, 1, 3, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void ApaEndingYesterday_AtMidnightInChicago_IsNotCurrent()
    {
        var refused = Assert.Throws<DomainException>(() => SubmitAt(new DateTimeOffset(2026, 7, 1, 5, 0, 0, TimeSpan.Zero)));

        Assert.Equal(Agency.ApaNotCurrentReason, refused.Reason);
    }

    [Fact]
    public void SixMonthsSinceLastSeen_CountsOnChicagoWallClock_AcrossDaylightSaving()
    {
        // Last seen 10:00 CST on 15 January; six months later is 10:00 CDT on 15 July (15:00 UTC).
        var seen = new DateTimeOffset(2026, 1, 15, 16, 0, 0, TimeSpan.Zero);
        var history = new PersonHistory([new PriorAccount(Guid.NewGuid(), Guid.NewGuid(), AccountState.Removed, [ProjectType.EmergencyShelter], seen)]);

        Assert.True(history.ActiveWithin(6, new DateTimeOffset(2026, 7, 15, 14, 59, 0, TimeSpan.Zero)));
        Assert.False(history.ActiveWithin(6, new DateTimeOffset(2026, 7, 15, 15, 1, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void AtaDeadline_IsMissedFromTheNextChicagoMorning_NotAt6pmTheDayBefore()
    {
        var calendar = new AtaTrainingCalendar();
        var ata = new AgencyAdministrator(Guid.NewGuid(), Agency.Id, "Ata", "ata@agency.example.org", AdministratorRole.Ata, new DateOnly(2025, 11, 1));

        // The deadline is 2026-01-05: at 19:00 CST that day (01:00 UTC on the 6th) it is not missed yet.
        Assert.NotEqual(AtaTrainingNotice.Missed, ata.TrainingNoticeDue(calendar, Continuum.DateOf(new DateTimeOffset(2026, 1, 6, 1, 0, 0, TimeSpan.Zero))));
        Assert.Equal(AtaTrainingNotice.Missed, ata.TrainingNoticeDue(calendar, Continuum.DateOf(new DateTimeOffset(2026, 1, 6, 6, 0, 0, TimeSpan.Zero))));
    }
}
