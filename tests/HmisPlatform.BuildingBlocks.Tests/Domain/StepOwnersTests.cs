using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.BuildingBlocks.Tests.Domain;

/// <summary>Each step is done by the person it belongs to; an agency's own system does none of a person's steps.</summary>
public sealed class StepOwnersTests
{
    private static readonly Guid Agency = Guid.NewGuid();
    private static readonly Guid User = Guid.NewGuid();

    private static readonly Caller AgencySystem = new("lakeview-case-system", Agency, false, ClientId: "lakeview-case-system");
    private static readonly Caller TheUser = new(User.ToString(), Agency, false, Caller.TraineeRole, "hmis-web");
    private static readonly Caller TheUserThroughTheAgencySystem = new(User.ToString(), Agency, false, Caller.TraineeRole, "lakeview-case-system");
    private static readonly Caller Ata = new(Guid.NewGuid().ToString(), Agency, false, Caller.AtaRole);
    private static readonly Caller Supervisor = new(Guid.NewGuid().ToString(), Agency, false, Caller.SupervisorRole);
    private static readonly Caller HmisTeam = new(Guid.NewGuid().ToString(), null, true, "hmis_team");
    private static readonly Caller Lms = new("hmis-lms", null, false, Caller.LmsRole);
    private static readonly Caller OtherTrainee = new(Guid.NewGuid().ToString(), Agency, false, Caller.TraineeRole);

    public static TheoryData<string, Caller> NotTheLms => new()
    {
        { "agency system", AgencySystem }, { "the user", TheUser }, { "ATA", Ata }, { "Supervisor", Supervisor },
        { "a platform service", Caller.Service("requests-api") },
    };

    [Theory]
    [MemberData(nameof(NotTheLms))]
    public void CourseProgress_FromAnyoneButTheLmsOrHmisTeam_IsRefused(string who, Caller caller)
    {
        var refused = Assert.Throws<DomainException>(() => caller.EnsureReportsProgress());

        Assert.True((ErrorKind.PermissionDenied, StepOwners.OnlyTheLmsReportsProgressReason) == (refused.Kind, refused.Reason), who);
    }

    [Fact]
    public void TheCeTeam_RecordsItsRoleTraining_ButNoOtherCourse()
    {
        var ceTeam = new Caller(Guid.NewGuid().ToString(), null, false, Caller.CeTeamRole);

        Assert.Same(ceTeam, ceTeam.EnsureReportsProgress(ceTrainedCourse: true));
        Assert.Equal(StepOwners.OnlyTheLmsReportsProgressReason, Assert.Throws<DomainException>(() => ceTeam.EnsureReportsProgress()).Reason);
    }

    [Fact]
    public void CourseProgress_FromTheLmsOrTheHmisTeam_IsTaken()
    {
        Assert.Same(Lms, Lms.EnsureReportsProgress());
        Assert.Same(HmisTeam, HmisTeam.EnsureReportsProgress());
    }

    public static TheoryData<string, Caller> NotTheUser => new()
    {
        { "agency system", AgencySystem }, { "ATA", Ata }, { "Supervisor", Supervisor }, { "HMIS team", HmisTeam }, { "LMS", Lms },
        { "another trainee", OtherTrainee }, { "a platform service", Caller.Service("requests-api") },
    };

    [Theory]
    [MemberData(nameof(NotTheUser))]
    public void AttemptsAndSignatures_FromAnyoneButTheUser_AreRefused(string who, Caller caller)
    {
        var attempt = Assert.Throws<DomainException>(() => caller.EnsureIsTrainee(User, "submits attempts"));
        var signature = Assert.Throws<DomainException>(() => caller.EnsureIsUserSigning(User));

        Assert.True((ErrorKind.PermissionDenied, StepOwners.OnlyTheTraineeReason) == (attempt.Kind, attempt.Reason), who);
        Assert.True((ErrorKind.PermissionDenied, StepOwners.OnlyTheUserSignsReason) == (signature.Kind, signature.Reason), who);
    }

    [Fact]
    public void AttemptsAndSignatures_FromTheUser_Directly_OrThroughTheirAgencysSystemWithTheirSignIn_AreTaken()
    {
        Assert.Same(TheUser, TheUser.EnsureIsTrainee(User, "submits attempts"));
        Assert.Same(TheUserThroughTheAgencySystem, TheUserThroughTheAgencySystem.EnsureIsUserSigning(User));
    }

    [Fact]
    public void Confirmation_ByAtaOrSupervisorOfTheAgency_IsTaken()
    {
        Assert.Same(Ata, Ata.EnsureConfirmsAgreement(Agency, User));
        Assert.Same(Supervisor, Supervisor.EnsureConfirmsAgreement(Agency, User));
    }

    [Fact]
    public void Confirmation_ByTheUserThemself_EvenAnAta_IsRefused()
    {
        var ataWhoIsTheUser = new Caller(User.ToString(), Agency, false, Caller.AtaRole);

        var refused = Assert.Throws<DomainException>(() => ataWhoIsTheUser.EnsureConfirmsAgreement(Agency, User));

        Assert.Equal(StepOwners.OnlyAnotherAdministratorConfirmsReason, refused.Reason);
    }

    [Fact]
    public void Confirmation_ByAgencySystem_HmisTeam_OrAnotherAgencysAta_IsRefused()
    {
        var otherAgencysAta = new Caller(Guid.NewGuid().ToString(), Guid.NewGuid(), false, Caller.AtaRole);

        foreach (var caller in new[] { AgencySystem, HmisTeam, otherAgencysAta, TheUser })
        {
            Assert.Equal(StepOwners.OnlyAnotherAdministratorConfirmsReason,
                Assert.Throws<DomainException>(() => caller.EnsureConfirmsAgreement(Agency, User)).Reason);
        }
    }

    [Fact]
    public void Actor_NamesThePerson_AndTheSystemTheyActedThrough()
    {
        Assert.Equal(new Actor(User.ToString(), Caller.TraineeRole, "lakeview-case-system"), TheUserThroughTheAgencySystem.AsActor());
        Assert.Equal(new Actor("lakeview-case-system", Actor.AgencySystemRole, "lakeview-case-system"), AgencySystem.AsActor());
    }
}
