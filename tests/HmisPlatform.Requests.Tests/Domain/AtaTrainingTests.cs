using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Requests.Domain.AccessRequests;
using HmisPlatform.Requests.Domain.Agencies;
using HmisPlatform.Requests.Domain.Journeys;
using AgencyAdministrator = HmisPlatform.Requests.Domain.Agencies.AgencyAdministrator;

namespace HmisPlatform.Requests.Tests.Domain;

public sealed class AtaTrainingTests
{
    private static readonly AtaTrainingCalendar Calendar = new();

    private static AgencyAdministrator Ata(DateOnly appointed) => new(Guid.NewGuid(), Guid.NewGuid(), "Ata", "ata@agency.example.org", AdministratorRole.Ata, appointed);

    [Fact]
    public void Untrained_AfterImplementation_MayNotSubmit()
    {
        var error = Assert.Throws<DomainException>(() => Ata(new DateOnly(2025, 11, 1)).EnsureMaySubmit(Calendar, new DateOnly(2026, 1, 26)));
        Assert.Equal(AgencyAdministrator.TrainingIncompleteReason, error.Reason);
        Assert.Equal(ErrorKind.FailedPrecondition, error.Kind);
    }

    [Fact]
    public void Untrained_InTheTransition_SubmitsWithAWarning() =>
        Assert.Equal([AgencyAdministrator.TrainingIncompleteReason], Ata(new DateOnly(2025, 11, 1)).EnsureMaySubmit(Calendar, new DateOnly(2026, 1, 12)));

    [Fact]
    public void Trained_SubmitsWithoutWarning()
    {
        var ata = Ata(new DateOnly(2025, 11, 1));
        ata.RecordTraining(AtaTrainingKind.LmsCourse, new DateOnly(2026, 1, 4), new DateOnly(2026, 2, 1));
        Assert.Empty(ata.EnsureMaySubmit(Calendar, new DateOnly(2026, 6, 1)));
    }

    [Fact]
    public void AtaNamedAfterTheDeadline_HasAGracePeriod()
    {
        var ata = Ata(new DateOnly(2026, 5, 1));
        Assert.Equal(AtaCompliance.Due, ata.Compliance(Calendar, new DateOnly(2026, 5, 20)));
        Assert.Equal(AtaCompliance.Overdue, ata.Compliance(Calendar, new DateOnly(2026, 6, 1)));
    }

    [Fact]
    public void Supervisor_DoesNotSubmit() =>
        Assert.Equal(AgencyAdministrator.NotAnAtaReason, Assert.Throws<DomainException>(() =>
            new AgencyAdministrator(Guid.NewGuid(), Guid.NewGuid(), "Sup", "s@a.org", AdministratorRole.Supervisor, new DateOnly(2025, 1, 1))
                .EnsureMaySubmit(Calendar, new DateOnly(2026, 6, 1))).Reason);

    [Fact]
    public void UntrainedAta_IsRemindedTwoWeeksBefore_ThenToldItWasMissed_EachOnce()
    {
        // Named after the calendar's deadline: their own is 30 days on, 2026-05-31.
        var ata = Ata(new DateOnly(2026, 5, 1));

        Assert.Equal(AtaTrainingNotice.None, ata.TrainingNoticeDue(Calendar, new DateOnly(2026, 5, 16)));
        Assert.Equal(AtaTrainingNotice.Approaching, ata.TrainingNoticeDue(Calendar, new DateOnly(2026, 5, 17)));
        ata.TrainingNoticeWasSent(AtaTrainingNotice.Approaching);
        Assert.Equal(AtaTrainingNotice.None, ata.TrainingNoticeDue(Calendar, new DateOnly(2026, 5, 31)));
        Assert.Equal(AtaTrainingNotice.Missed, ata.TrainingNoticeDue(Calendar, new DateOnly(2026, 6, 1)));
        ata.TrainingNoticeWasSent(AtaTrainingNotice.Missed);
        Assert.Equal(AtaTrainingNotice.None, ata.TrainingNoticeDue(Calendar, new DateOnly(2026, 9, 1)));
    }

    [Fact]
    public void AtaAlreadyPastTheDeadline_HearsOnlyThatItWasMissed()
    {
        var ata = Ata(new DateOnly(2025, 11, 1));
        Assert.Equal(AtaTrainingNotice.Missed, ata.TrainingNoticeDue(Calendar, new DateOnly(2026, 3, 1)));
        ata.TrainingNoticeWasSent(AtaTrainingNotice.Missed);
        ata.TrainingNoticeWasSent(AtaTrainingNotice.Approaching);
        Assert.Equal(AtaTrainingNotice.Missed, ata.TrainingNoticeSent);
    }

    [Fact]
    public void TrainedAtasAndSupervisors_GetNoNotice()
    {
        var trained = Ata(new DateOnly(2026, 5, 1));
        trained.RecordTraining(AtaTrainingKind.LiveSession, new DateOnly(2026, 5, 10), new DateOnly(2026, 5, 10));
        var supervisor = new AgencyAdministrator(Guid.NewGuid(), Guid.NewGuid(), "Sup", "s@a.org", AdministratorRole.Supervisor, new DateOnly(2026, 5, 1));

        Assert.Equal(AtaTrainingNotice.None, trained.TrainingNoticeDue(Calendar, new DateOnly(2026, 6, 2)));
        Assert.Equal(AtaTrainingNotice.None, supervisor.TrainingNoticeDue(Calendar, new DateOnly(2026, 6, 2)));
    }
}
