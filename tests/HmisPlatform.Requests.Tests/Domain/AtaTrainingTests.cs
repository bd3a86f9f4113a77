using Hmis.Requests.V1;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Requests.Domain.Agencies;
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
}
