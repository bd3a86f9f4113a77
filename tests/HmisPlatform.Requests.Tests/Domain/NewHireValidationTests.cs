using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Requests.Domain.AccessRequests;
using HmisPlatform.Requests.Domain.Agencies;
using HmisPlatform.Requests.Domain.Journeys;
using HmisPlatform.Requests.Domain.People;
using AccessRequest = HmisPlatform.Requests.Domain.AccessRequests.AccessRequest;
using Agency = HmisPlatform.Requests.Domain.Agencies.Agency;
using AgencyAdministrator = HmisPlatform.Requests.Domain.Agencies.AgencyAdministrator;
using NewUser = HmisPlatform.Requests.Domain.AccessRequests.NewUser;

namespace HmisPlatform.Requests.Tests.Domain;

/// <summary>Supervisors validate new hires with the ATA: each of the agency's administrators, as themselves, while the request is open.</summary>
public sealed class NewHireValidationTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);
    private static readonly Agency Agency = NewAgency();
    private static readonly AgencyAdministrator Ata = Administrator(Agency, AdministratorRole.Ata);
    private static readonly AgencyAdministrator Supervisor = Administrator(Agency, AdministratorRole.Supervisor);

    private static Agency NewAgency() => new(Guid.NewGuid(), AgencyProfile.Create("Agency", ["agency.example.org"], true, "2025-01-01", "2027-01-01",
        [("Shelter", ProjectType.EmergencyShelter)]));

    private static AgencyAdministrator Administrator(Agency agency, AdministratorRole role)
    {
        var administrator = new AgencyAdministrator(Guid.NewGuid(), agency.Id, $"{role} person", $"{role}@agency.example.org".ToLowerInvariant(), role, new DateOnly(2025, 11, 1));
        administrator.RecordTraining(AtaTrainingKind.LiveSession, new DateOnly(2025, 12, 10), new DateOnly(2025, 12, 10));
        return administrator;
    }

    private static Caller SignedIn(AgencyAdministrator administrator) =>
        new(administrator.Id.ToString(), administrator.AgencyId, false, administrator.Role == AdministratorRole.Ata ? Caller.AtaRole : Caller.SupervisorRole);

    private static AccessRequest Submitted()
    {
        var form = Submission.Check(RequestType.NewAgencyUsers, Agency, Ata, [new NewUser("Dana", "Whitfield", "dana@agency.example.org")],
            RequestedAccess.Create([Responsibility.EnterClientData], [ProjectType.EmergencyShelter]), "", new AccessRequestRules(), new AtaTrainingCalendar(), Now);
        return AccessRequest.Submit(form, [PersonHistory.None], [null], null, SignedIn(Ata), new AccessRequestRules(), Now);
    }

    [Fact]
    public void Supervisor_ValidatesOnce_AndTheValidationIsAudited()
    {
        var request = Submitted();
        request.TakeChanges();

        Assert.True(request.ValidateNewHire(Supervisor, SignedIn(Supervisor), Now));
        Assert.False(request.ValidateNewHire(Supervisor, SignedIn(Supervisor), Now.AddMinutes(5)));

        var validation = Assert.Single(request.NewHireValidations);
        Assert.Equal((Supervisor.Id, AdministratorRole.Supervisor, Now), (validation.AdministratorId, validation.Role, validation.ValidatedAt));
        var change = Assert.Single(request.TakeChanges());
        Assert.Equal((RequestActions.NewHireValidated, Supervisor.Id.ToString(), Caller.SupervisorRole), (change.Action, change.Actor, change.ActorRole));
    }

    [Fact]
    public void AnotherAgencysSupervisor_AnAgencySystem_OrSomeoneElsesRecord_AreRefused()
    {
        var request = Submitted();
        var elsewhere = Administrator(NewAgency(), AdministratorRole.Supervisor);
        var agencySystem = new Caller("lakeview-case-system", Agency.Id, false);

        Assert.Equal(AccessRequest.ValidatorNotAdministratorReason,
            Assert.Throws<DomainException>(() => request.ValidateNewHire(elsewhere, SignedIn(elsewhere), Now)).Reason);
        Assert.Equal(AccessRequest.ValidatorNotAdministratorReason,
            Assert.Throws<DomainException>(() => request.ValidateNewHire(Supervisor, agencySystem, Now)).Reason);
        Assert.Equal(AccessRequest.ValidatorNotAdministratorReason,
            Assert.Throws<DomainException>(() => request.ValidateNewHire(Supervisor, SignedIn(Ata), Now)).Reason);
        Assert.Equal(AccessRequest.ValidatorNotAdministratorReason,
            Assert.Throws<DomainException>(() => request.ValidateNewHire(null, new Caller(Guid.NewGuid().ToString(), Agency.Id, false, Caller.TraineeRole), Now)).Reason);
        Assert.Empty(request.NewHireValidations);
    }

    [Fact]
    public void NobodyValidatesThemselves_NorAClosedRequest()
    {
        var request = Submitted();
        var selfAsSupervisor = new AgencyAdministrator(request.Users[0].PersonId, Agency.Id, "Dana Whitfield", "dana@agency.example.org", AdministratorRole.Supervisor, new DateOnly(2025, 11, 1));

        Assert.Equal(AccessRequest.SelfValidationReason,
            Assert.Throws<DomainException>(() => request.ValidateNewHire(selfAsSupervisor, SignedIn(selfAsSupervisor), Now)).Reason);
        request.Withdraw("hired elsewhere", SignedIn(Ata), Now);
        Assert.Equal(AccessRequest.RequestClosedReason,
            Assert.Throws<DomainException>(() => request.ValidateNewHire(Supervisor, SignedIn(Supervisor), Now)).Reason);
        Assert.Empty(request.NewHireValidations);
    }
}
