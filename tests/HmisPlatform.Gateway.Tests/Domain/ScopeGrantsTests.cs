using HmisPlatform.Gateway.Domain;

namespace HmisPlatform.Gateway.Tests.Domain;

/// <summary>
/// What each kind of caller's token may carry: course progress is the LMS's and the HMIS team's, never an agency's
/// (its system, ATAs, Supervisors) or a trainee's; decisions stay with the HMIS and CE teams.
/// </summary>
public sealed class ScopeGrantsTests
{
    [Fact]
    public void AgencySystems_AtasAndSupervisors_NeverReportCourseProgress()
    {
        Assert.DoesNotContain(PlatformIdentity.TrainingProgressWrite, ClientRegistration.AgencyScopes);
        Assert.DoesNotContain(PlatformIdentity.TrainingProgressWrite, StaffRoles.ScopesOf(StaffRoles.Ata));
        Assert.DoesNotContain(PlatformIdentity.TrainingProgressWrite, StaffRoles.ScopesOf(StaffRoles.Supervisor));
        Assert.DoesNotContain(PlatformIdentity.TrainingProgressWrite, StaffRoles.ScopesOf(StaffRoles.Trainee));
    }

    [Fact]
    public void AnAgencySystem_CannotBeRegisteredToReportCourseProgress()
    {
        var refused = Assert.Throws<HmisPlatform.BuildingBlocks.Domain.DomainException>(() => ClientRegistration.Create(
            "case-system", "Case system", "0b6f3a51-2d6e-4a4e-9a54-6f0f8d1a0001", [PlatformIdentity.TrainingProgressWrite]));

        Assert.Equal(ClientRegistration.InvalidScopeReason, refused.Reason);
    }

    [Fact]
    public void TheGoLiveImport_IsTheHmisTeamsAlone()
    {
        var refused = Assert.Throws<HmisPlatform.BuildingBlocks.Domain.DomainException>(() => ClientRegistration.Create(
            "case-system", "Case system", "0b6f3a51-2d6e-4a4e-9a54-6f0f8d1a0001", [PlatformIdentity.DataImport]));

        Assert.Equal(ClientRegistration.InvalidScopeReason, refused.Reason);
        Assert.DoesNotContain(PlatformIdentity.DataImport, StaffRoles.ScopesOf(StaffRoles.Ata));
        Assert.DoesNotContain(PlatformIdentity.DataImport, StaffRoles.ScopesOf(StaffRoles.CeTeam));
        Assert.Contains(PlatformIdentity.DataImport, StaffRoles.ScopesOf(StaffRoles.HmisTeam));
    }

    [Fact]
    public void TheLms_ReadsPathsAndReportsProgress_AndNothingElse() =>
        Assert.Equal([PlatformIdentity.TrainingRead, PlatformIdentity.TrainingProgressWrite], ClientRegistration.LmsScopes);

    [Fact]
    public void TheHmisTeam_MayCorrectProgress() =>
        Assert.Contains(PlatformIdentity.TrainingProgressWrite, StaffRoles.ScopesOf(StaffRoles.HmisTeam));

    [Fact]
    public void ATrainee_DoesTheirOwnSteps_AndDecidesNothing()
    {
        var trainee = StaffRoles.ScopesOf(StaffRoles.Trainee);

        Assert.Contains(PlatformIdentity.AssessmentWrite, trainee);
        Assert.Contains(PlatformIdentity.CredentialsWrite, trainee);
        Assert.DoesNotContain(PlatformIdentity.RequestsWrite, trainee);
        Assert.DoesNotContain(PlatformIdentity.RequestsReview, trainee);
    }
}
