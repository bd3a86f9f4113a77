using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.BuildingBlocks.Tests.Domain;

/// <summary>Who sees what: an agency sees its own, the HMIS team everything, a trainee only what is theirs.</summary>
public sealed class CallerTests
{
    private sealed record Resource(Guid AgencyId, Guid PersonId);

    private static readonly Guid Agency = Guid.NewGuid();

    [Fact]
    public void Trainee_SeesTheirOwn_NotAnotherPersonOfTheirAgency()
    {
        var me = Guid.NewGuid();
        var trainee = new Caller(me.ToString(), Agency, false, Caller.TraineeRole);

        var mine = trainee.EnsureMayRead(new Resource(Agency, me), r => r.AgencyId, r => r.PersonId, "THING");
        var theirs = Assert.Throws<DomainException>(() => trainee.EnsureMayRead(new Resource(Agency, Guid.NewGuid()), r => r.AgencyId, r => r.PersonId, "THING"));

        Assert.Equal(me, mine.PersonId);
        Assert.Equal((ErrorKind.PermissionDenied, Caller.NotAvailableReason), (theirs.Kind, theirs.Reason));
        Assert.False(trainee.MayListPerson(Guid.NewGuid()));
    }

    [Fact]
    public void Trainee_NeverSeesWhatIsNotOnePersons()
    {
        var trainee = new Caller(Guid.NewGuid().ToString(), Agency, false, Caller.TraineeRole);

        Assert.Throws<DomainException>(() => trainee.EnsureMayRead(new Resource(Agency, Guid.NewGuid()), r => r.AgencyId, "THING"));
    }

    [Fact]
    public void AgencySystemAndAta_SeeEveryPersonOfTheirAgency_NotAnotherAgencys()
    {
        var system = new Caller("case-system", Agency, false);
        var ata = new Caller(Guid.NewGuid().ToString(), Agency, false, Caller.AtaRole);
        var someone = new Resource(Agency, Guid.NewGuid());

        Assert.Same(someone, system.EnsureMayRead(someone, r => r.AgencyId, r => r.PersonId, "THING"));
        Assert.Same(someone, ata.EnsureMayRead(someone, r => r.AgencyId, r => r.PersonId, "THING"));
        Assert.Throws<DomainException>(() => ata.EnsureMayRead(new Resource(Guid.NewGuid(), Guid.NewGuid()), r => r.AgencyId, r => r.PersonId, "THING"));
    }

    [Fact]
    public void HmisTeam_IsToldWhatIsMissing()
    {
        var hmis = new Caller("review-desk", null, true);

        Assert.Equal(ErrorKind.NotFound, Assert.Throws<DomainException>(() => hmis.EnsureMayRead<Resource>(null, r => r.AgencyId, r => r.PersonId, "THING")).Kind);
    }

    [Fact]
    public void AList_IsTheAgencyNamed_EveryAgencyForTheHmisTeam_OrTheCallersOwn()
    {
        var system = new Caller("lakeview-system", Agency, false);
        var hmis = new Caller("lead", null, true, "hmis_team");
        var other = Guid.NewGuid();

        Assert.Equal(Agency, system.AgencyToList(null));
        Assert.Equal(Agency, system.AgencyToList(Agency));
        Assert.Equal(Caller.NotAvailableReason, Assert.Throws<DomainException>(() => system.AgencyToList(other)).Reason);
        Assert.Null(hmis.AgencyToList(null));
        Assert.Equal(other, hmis.AgencyToList(other));
        Assert.Throws<DomainException>(() => new Caller(Guid.NewGuid().ToString(), Agency, false, Caller.TraineeRole).AgencyToList(null));
    }
}
