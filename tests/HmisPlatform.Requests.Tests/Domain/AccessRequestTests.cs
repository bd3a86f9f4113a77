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

public sealed partial class AccessRequestTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);
    private static readonly Agency Agency = NewAgency("2025-01-01", "2027-01-01");
    private static readonly AgencyAdministrator Ata = TrainedAta(Agency);
    private static readonly RequestedAccess Access = RequestedAccess.Create([Responsibility.EnterClientData], [ProjectType.EmergencyShelter]);
    private static readonly AccessRequestRules Rules = new();
    private static readonly Caller Submitter = new(Ata.Id.ToString(), Agency.Id, false, Caller.AtaRole);
    private static readonly Caller Reviewer = new("reviewer-1", null, true, PlatformIdentity.HmisTeamRole);

    private static Agency NewAgency(string signed, string ends) => new(Guid.NewGuid(), AgencyProfile.Create("Agency", ["agency.example.org"], true, signed, ends,
        Enum.GetValues<ProjectType>().Where(t => t != ProjectType.Unspecified).Select(t => ($"{t}", t))));

    private static AgencyAdministrator TrainedAta(Agency agency)
    {
        var ata = new AgencyAdministrator(Guid.NewGuid(), agency.Id, "Ata", "ata@agency.example.org", AdministratorRole.Ata, new DateOnly(2025, 11, 1));
        ata.RecordTraining(AtaTrainingKind.LiveSession, new DateOnly(2025, 12, 10), new DateOnly(2025, 12, 10));
        return ata;
    }

    private static Submission Form(RequestType type, int users, Agency? agency = null, int maxBundle = 25, RequestedAccess? access = null, AgencyAdministrator? ata = null) =>
        Submission.Check(type, agency ?? Agency, ata ?? Ata,
            [.. Enumerable.Range(1, users).Select(i => new NewUser("Given", $"Family{i}", $"user{i}@agency.example.org"))],
            access ?? Access, "", new AccessRequestRules { MaxBundleSize = maxBundle }, new AtaTrainingCalendar(), Now);

    private static AccessRequest Submit(RequestType type, int users, PersonHistory? history = null, RequestedAccess? access = null)
    {
        var form = Form(type, users, access: access);
        return AccessRequest.Submit(form, [.. form.Users.Select(_ => history ?? PersonHistory.None)], [.. form.Users.Select(_ => (Guid?)null)], null, Submitter, Rules, Now);
    }

    private static PersonHistory Account(AccountState state, Guid agencyId, int monthsSinceSeen, params ProjectType[] types) =>
        new([new PriorAccount(Guid.NewGuid(), agencyId, state, types, Now.AddMonths(-monthsSinceSeen))]);

    private static AccessRequest Approved(int users = 1)
    {
        var request = Submit(RequestType.NewAgencyUsers, users);
        request.Review(ReviewOutcome.ConfirmCreditUse, "", RequestType.Unspecified, request.Etag, Reviewer, Now);
        request.Review(ReviewOutcome.ConfirmEnrolments, "", RequestType.Unspecified, request.Etag, Reviewer, Now);
        return request;
    }

    [Fact]
    public void NewAgencyUsers_BundleOfSeveral_IsAccepted() =>
        Assert.Equal(3, Submit(RequestType.NewAgencyUsers, 3).Users.Count);

    [Fact]
    public void ReturningUser_TwoUsers_IsRefused() =>
        Assert.Equal(Submission.ReturningUserSingleReason, Assert.Throws<DomainException>(() => Form(RequestType.ReturningUser, 2)).Reason);

    [Fact]
    public void Bundle_OverTheCap_IsRefused() =>
        Assert.Equal(Submission.BundleTooLargeReason, Assert.Throws<DomainException>(() => Form(RequestType.NewAgencyUsers, 4, maxBundle: 3)).Reason);

    [Fact]
    public void Form_WithSeveralWrongFields_IsRefusedOnceNamingEach()
    {
        NewUser[] users = [new("", "First", "first@agency.example.org"), new("Second", "Person", "second@gmail.com"), new("Third", "Person", "first@agency.example.org")];

        var refusal = Assert.Throws<DomainException>(() => Submission.Check(RequestType.NewAgencyUsers, Agency, Ata, users,
            [], [ProjectType.EmergencyShelter], "", new AccessRequestRules { MaxBundleSize = 2 }, new AtaTrainingCalendar(), Now));

        Assert.Equal(ErrorKind.InvalidArgument, refusal.Kind);
        Assert.Equal(Submission.BundleTooLargeReason, refusal.Reason);
        Assert.Equal(FieldChecks.SeveralMessage, refusal.Message);
        Assert.Equal(["users", "access.responsibilities", "users[0].given_name", "users[1].email"], refusal.FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public void Agency_ApaEndedYesterday_IsRefused()
    {
        var lapsed = NewAgency("2024-01-01", DateOnly.FromDateTime(Now.UtcDateTime).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var error = Assert.Throws<DomainException>(() => Form(RequestType.NewAgencyUsers, 1, lapsed, ata: TrainedAta(lapsed)));
        Assert.Equal(ErrorKind.FailedPrecondition, error.Kind);
        Assert.Equal(Agency.ApaNotCurrentReason, error.Reason);
    }

    [Fact]
    public void HousingFamiliesAndSingles_Together_AreRefused() =>
        Assert.Equal(RequestedAccess.HousingPopulationReason, Assert.Throws<DomainException>(() =>
            RequestedAccess.Create([Responsibility.EnterClientData], [ProjectType.HousingPshRrhFamilies, ProjectType.HousingPshRrhSingles])).Reason);

    [Fact]
    public void NewAgencyUsers_ActiveTwoMonthsAgoElsewhere_NamesReturningUser()
    {
        var error = Assert.Throws<DomainException>(() => Submit(RequestType.NewAgencyUsers, 1, Account(AccountState.Removed, Guid.NewGuid(), 2, ProjectType.EmergencyShelter)));
        Assert.Equal(RequestForms.WrongRequestTypeReason, error.Reason);
        Assert.Equal("REQUEST_TYPE_RETURNING_USER", Assert.Single(error.PreconditionViolations).Type);
        Assert.Equal("users[0]", Assert.Single(error.FieldViolations).Field);
    }

    [Fact]
    public void ReturningUser_LastActiveSevenMonthsAgo_NamesNewAgencyUsers()
    {
        var error = Assert.Throws<DomainException>(() => Submit(RequestType.ReturningUser, 1, Account(AccountState.Removed, Guid.NewGuid(), 7, ProjectType.EmergencyShelter)));
        Assert.Equal("REQUEST_TYPE_NEW_AGENCY_USERS", Assert.Single(error.PreconditionViolations).Type);
    }

    [Fact]
    public void ReturningUser_SameProjectTypes_IsAFullTransferAndKeepsTheirPersonId()
    {
        var history = Account(AccountState.Active, Guid.NewGuid(), 0, ProjectType.EmergencyShelter);
        var request = Submit(RequestType.ReturningUser, 1, history);
        Assert.Equal(TransferPath.FullTransfer, request.TransferPath);
        Assert.Empty(request.ProjectTypesToTrain);
        Assert.Equal(history.PersonId, request.Users[0].PersonId);
    }

    [Fact]
    public void ReturningUser_OtherProjectTypes_TakesOnlyTheNewProjectCourse()
    {
        var access = RequestedAccess.Create([Responsibility.EnterClientData], [ProjectType.EmergencyShelter, ProjectType.ServicesOnly]);
        var request = Submit(RequestType.ReturningUser, 1, Account(AccountState.Active, Guid.NewGuid(), 1, ProjectType.EmergencyShelter), access);
        Assert.Equal(TransferPath.ProjectCourseOnly, request.TransferPath);
        Assert.Equal([ProjectType.ServicesOnly], request.ProjectTypesToTrain);
    }

    [Fact]
    public void ReturningUser_HousingAsBefore_StillTakesTheHousingCourse()
    {
        var access = RequestedAccess.Create([Responsibility.EnterClientData], [ProjectType.HousingPshRrhSingles]);
        var request = Submit(RequestType.ReturningUser, 1, Account(AccountState.Active, Guid.NewGuid(), 0, ProjectType.HousingPshRrhSingles), access);
        Assert.Equal(TransferPath.ProjectCourseOnly, request.TransferPath);
        Assert.Equal([ProjectType.HousingPshRrhSingles], request.ProjectTypesToTrain);
    }

    [Fact]
    public void NewProjectAccess_WithoutAnAccountHere_IsTheWrongForm()
    {
        var error = Assert.Throws<DomainException>(() => Submit(RequestType.NewProjectAccess, 1));
        Assert.Equal("REQUEST_TYPE_NEW_AGENCY_USERS", Assert.Single(error.PreconditionViolations).Type);
    }

    [Fact]
    public void NewProjectAccess_ForAProjectTypeTheyHave_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => Submit(RequestType.NewProjectAccess, 1, Account(AccountState.Active, Agency.Id, 0, ProjectType.EmergencyShelter)));
        Assert.Equal(RequestForms.ProjectAlreadyGrantedReason, error.Reason);
    }

    [Fact]
    public void CoordinatedEntryAccess_OnAnotherForm_NamesTheHrsForm()
    {
        var access = RequestedAccess.Create([Responsibility.ReceiveReferrals], [ProjectType.CoordinatedEntry1474]);
        var error = Assert.Throws<DomainException>(() => Submit(RequestType.NewAgencyUsers, 1, access: access));
        Assert.Equal("REQUEST_TYPE_HRS_CE_1474", Assert.Single(error.PreconditionViolations).Type);
    }

    [Fact]
    public void HrsRequest_GoesToTheCeQueue_AndNeedsCeApprovalBeforeCredits()
    {
        var request = Submit(RequestType.HrsCe1474, 1, access: RequestedAccess.Create([Responsibility.ReceiveReferrals], [ProjectType.CoordinatedEntry1474]));
        Assert.Equal(AccessRequestStatus.AwaitingCeDecision, request.Status);
        Assert.Equal(WaitingOn.CeTeam, request.WaitingOn);

        var ceTeam = new Caller("ce-1", null, false, Caller.CeTeamRole);
        request.CeDecide(CeDecision.Approve, "", request.Etag, ceTeam, Now);
        Assert.Equal(AccessRequestStatus.Submitted, request.Status);
        Assert.True(request.Review(ReviewOutcome.ConfirmCreditUse, "", RequestType.Unspecified, request.Etag, Reviewer, Now).ReservesCredits);
    }

    [Fact]
    public void CeDecision_ByTheHmisTeam_IsRefused()
    {
        var request = Submit(RequestType.HrsCe1474, 1, access: RequestedAccess.Create([Responsibility.ReceiveReferrals], [ProjectType.CoordinatedEntry1474]));
        Assert.Equal(AccessRequest.CeTeamOnlyReason, Assert.Throws<DomainException>(() => request.CeDecide(CeDecision.Approve, "", request.Etag, Reviewer, Now)).Reason);
    }

    [Trait("ASVS", "2.2.1")]
    [Fact]
    public void AReasonLongerThanTheAuditKeeps_IsRefusedByItsField_AndChangesNothing()
    {
        var tooLong = new string('x', PlainText.MaxFreeTextLength + 1);
        var request = Submit(RequestType.NewAgencyUsers, 1);
        var hrs = Submit(RequestType.HrsCe1474, 1, access: RequestedAccess.Create([Responsibility.ReceiveReferrals], [ProjectType.CoordinatedEntry1474]));
        var (etag, hrsEtag) = (request.Etag, hrs.Etag);

        var denied = Assert.Throws<DomainException>(() => request.Review(ReviewOutcome.Deny, tooLong, RequestType.Unspecified, request.Etag, Reviewer, Now));
        var ceDenied = Assert.Throws<DomainException>(() => hrs.CeDecide(CeDecision.Deny, tooLong, hrs.Etag, new Caller("ce-1", null, false, Caller.CeTeamRole), Now));
        var withdrawn = Assert.Throws<DomainException>(() => request.Withdraw(tooLong, Submitter, Now));

        foreach (var error in new[] { denied, ceDenied, withdrawn })
        {
            Assert.Equal((PlainText.TooLongReason, "reason"), (error.Reason, Assert.Single(error.FieldViolations).Field));
        }
        Assert.Equal((AccessRequestStatus.Submitted, etag), (request.Status, request.Etag));
        Assert.Equal((AccessRequestStatus.AwaitingCeDecision, hrsEtag), (hrs.Status, hrs.Etag));
        request.Review(ReviewOutcome.Deny, new string('x', PlainText.MaxFreeTextLength), RequestType.Unspecified, request.Etag, Reviewer, Now);
        Assert.Equal(AccessRequestStatus.Denied, request.Status);
    }

    [Fact]
    public void Review_BySubmitter_IsRefused()
    {
        var request = Submit(RequestType.NewAgencyUsers, 1);
        var self = Reviewer with { Subject = Submitter.Subject };
        var error = Assert.Throws<DomainException>(() => request.Review(ReviewOutcome.Deny, "no", RequestType.Unspecified, request.Etag, self, Now));
        Assert.Equal(AccessRequest.SelfReviewReason, error.Reason);
    }

    [Fact]
    public void Approval_BeforeCreditUseIsConfirmed_IsRefused()
    {
        var request = Submit(RequestType.NewAgencyUsers, 1);
        var error = Assert.Throws<DomainException>(() => request.Review(ReviewOutcome.ConfirmEnrolments, "", RequestType.Unspecified, request.Etag, Reviewer, Now));
        Assert.Equal(AccessRequest.CreditsNotConfirmedReason, error.Reason);
    }

    [Fact]
    public void Review_WithAnotherEtag_IsStale()
    {
        var request = Submit(RequestType.NewAgencyUsers, 1);
        var error = Assert.Throws<DomainException>(() => request.Review(ReviewOutcome.Deny, "no", RequestType.Unspecified, "12345", Reviewer, Now));
        Assert.Equal(AccessRequest.StaleEtagReason, error.Reason);
    }

    [Fact]
    public void MoreInformation_PausesTheWaitingClockUntilTheAtaAnswers()
    {
        var request = Submit(RequestType.NewAgencyUsers, 1);
        request.Review(ReviewOutcome.RequestInformation, "Which shelter?", RequestType.Unspecified, request.Etag, Reviewer, Now.AddHours(2));
        Assert.Equal(WaitingOn.Ata, request.WaitingOn);
        Assert.Equal(TimeSpan.FromHours(2), request.TimeWaiting(Now.AddDays(5)));

        request.ProvideInformation("North shelter", Submitter, Now.AddDays(5));
        Assert.Equal(AccessRequestStatus.Submitted, request.Status);
        Assert.Equal(TimeSpan.FromHours(3), request.TimeWaiting(Now.AddDays(5).AddHours(1)));
    }

    [Fact]
    public void PastReviewTarget_CountsOnlyTheTeamsTime_AndEndsWhenTheRequestLeavesThem()
    {
        var target = TimeSpan.FromDays(5);
        var request = Submit(RequestType.NewAgencyUsers, 1);
        Assert.False(request.IsPastReviewTarget(Now.AddDays(5), target));
        Assert.True(request.IsPastReviewTarget(Now.AddDays(5).AddMinutes(1), target));

        // Three days waiting on the ATA's answer do not count against the team.
        request.Review(ReviewOutcome.RequestInformation, "Which shelter?", RequestType.Unspecified, request.Etag, Reviewer, Now.AddDays(4));
        Assert.False(request.IsPastReviewTarget(Now.AddDays(7), target));
        request.ProvideInformation("North shelter", Submitter, Now.AddDays(7));
        Assert.False(request.IsPastReviewTarget(Now.AddDays(8), target));
        Assert.True(request.IsPastReviewTarget(Now.AddDays(8).AddMinutes(1), target));

        // Reviewed, it waits on the user: not the team's lateness any more.
        request.Review(ReviewOutcome.ConfirmCreditUse, "", RequestType.Unspecified, request.Etag, Reviewer, Now.AddDays(9));
        request.Review(ReviewOutcome.ConfirmEnrolments, "", RequestType.Unspecified, request.Etag, Reviewer, Now.AddDays(9));
        Assert.False(request.IsPastReviewTarget(Now.AddDays(30), target));
    }

    [Fact]
    public void Resubmission_NeedsAnotherForm()
    {
        var request = Submit(RequestType.NewAgencyUsers, 1);
        Assert.Equal(AccessRequest.RequiredFormInvalidReason, Assert.Throws<DomainException>(() =>
            request.Review(ReviewOutcome.RequestResubmission, "wrong form", RequestType.NewAgencyUsers, request.Etag, Reviewer, Now)).Reason);

        request.Review(ReviewOutcome.RequestResubmission, "wrong form", RequestType.ReturningUser, request.Etag, Reviewer, Now);
        Assert.Equal(AccessRequestStatus.ResubmissionRequested, request.Status);
        Assert.False(request.Users[0].IsOpen);
    }

    [Fact]
    public void Review_Twice_IsRefused()
    {
        var request = Approved();
        var error = Assert.Throws<DomainException>(() => request.Review(ReviewOutcome.Deny, "too late", RequestType.Unspecified, request.Etag, Reviewer, Now));
        Assert.Equal(AccessRequest.NotInReviewReason, error.Reason);
    }

    [Fact]
    public void StatusMachine_RefusesUnlistedMoves() =>
        Assert.False(AccessRequestStatusMachine.CanMove(AccessRequestStatus.Denied, AccessRequestStatus.InProgress));

    [Fact]
    public void Complete_WhenOnlySomeUsersHaveCredentials_KeepsTheRequestOpen()
    {
        var request = Approved(2);
        var platform = Caller.Service("requests-api");

        Assert.False(request.CompleteIfAllIssued(new HashSet<Guid> { request.Users[0].PersonId }, platform, Now));
        Assert.True(request.CompleteIfAllIssued(request.Users.Select(u => u.PersonId).ToHashSet(), platform, Now));
        Assert.Equal(AccessRequestStatus.Completed, request.Status);
    }

    [Fact]
    public void OnePersonOfABundleLapsing_LeavesTheOthersOnTheirWay_AndTheRequestCompletesWithThem()
    {
        var request = Approved(2);
        var platform = Caller.Service("requests-api");
        var (lapsing, staying) = (request.Users[0].PersonId, request.Users[1].PersonId);

        Assert.True(request.Lapse(lapsing, "assignment expired", new HashSet<Guid>(), platform, Now));
        Assert.False(request.Lapse(lapsing, "again", new HashSet<Guid>(), platform, Now));
        Assert.Equal(AccessRequestStatus.InProgress, request.Status);
        Assert.False(request.Users[0].IsOpen);

        Assert.True(request.CompleteIfAllIssued(new HashSet<Guid> { staying }, platform, Now));
        Assert.Equal(AccessRequestStatus.Completed, request.Status);
    }

    [Fact]
    public void EveryoneLapsing_ExpiresTheRequest()
    {
        var request = Approved(2);
        var platform = Caller.Service("requests-api");
        request.Lapse(request.Users[0].PersonId, "lapsed", new HashSet<Guid>(), platform, Now);
        request.Lapse(request.Users[1].PersonId, "lapsed", new HashSet<Guid>(), platform, Now);
        Assert.Equal(AccessRequestStatus.Expired, request.Status);
    }

    [Fact]
    public void EveryChange_IsRecordedForTheAudit()
    {
        var request = Approved();
        Assert.Equal(["SUBMITTED", "CONFIRM_CREDIT_USE", "CONFIRM_ENROLMENTS"], request.TakeChanges().Select(c => c.Action));
        Assert.Empty(request.TakeChanges());
    }

    [Fact]
    public void OneOpenRequest_RefusesABundleNamingSomeoneWithAnOpenRequest_ByEmailOrPersonId_NamingEachSuchUser()
    {
        var request = Submit(RequestType.NewAgencyUsers, 3);
        OneOpenRequest.OpenUser[] open =
        [
            new("user2@agency.example.org", Guid.NewGuid()),
            new("someone.else@agency.example.org", request.Users[2].PersonId),
        ];

        var refused = Assert.Throws<DomainException>(() => OneOpenRequest.Ensure(request, open));

        Assert.Equal((ErrorKind.AlreadyExists, OneOpenRequest.Reason), (refused.Kind, refused.Reason));
        Assert.Equal(["users[1].email", "users[2].email"], refused.FieldViolations.Select(v => v.Field));
        OneOpenRequest.Ensure(request, [new("other@agency.example.org", Guid.NewGuid())]);
    }
}
