using Grpc.Core;
using Hmis.Common.V1;
using Hmis.Events.V1;
using Hmis.Requests.V1;
using HmisPlatform.BuildingBlocks.Contracts;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Requests.Domain.People;
using HmisPlatform.Requests.Infrastructure;
using HmisPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProjectType = Hmis.Common.V1.ProjectType;

namespace HmisPlatform.Requests.Tests.Api;

/// <summary>The HMIS team's and the CE team's decisions, through the gRPC API on real Postgres.</summary>
public sealed class ReviewTests(RequestsFixture service) : IClassFixture<RequestsFixture>
{
    private async Task<AccessRequest> SubmitAsync(string email, Action<SubmitAccessRequestRequest>? change = null)
    {
        var request = Requests.NewAgencyUser(email);
        change?.Invoke(request);
        return (await service.Client.SubmitAccessRequestAsync(request)).AccessRequest;
    }

    private async Task<AccessRequest> ReadAsync(string id) =>
        (await service.HmisTeam.GetAccessRequestAsync(new GetAccessRequestRequest { AccessRequestId = id })).AccessRequest;

    private static PersonHistory ActiveAt(Guid agencyId, params ProjectType[] types) =>
        new([new PriorAccount(Guid.NewGuid(), agencyId, AccountState.Active, types.ToDomain(), DateTimeOffset.UtcNow.AddDays(-3))]);

    [Fact]
    public async Task NewAgencyUsers_Bundle_IsApprovedWithOneApprovalPerUser()
    {
        var submitted = await SubmitAsync("bundle.one@lakeview.example.org", r => r.Users.Add(new Hmis.Requests.V1.NewUser { GivenName = "Bo", FamilyName = "Two", Email = "bundle.two@lakeview.example.org" }));

        var approved = await service.HmisTeam.ApproveAsync(submitted);

        Assert.Equal(AccessRequestStatus.InProgress, approved.Status);
        Assert.Equal((0, false, true), (approved.AllowedActions.ReviewOutcomes.Count, approved.AllowedActions.Withdraw, approved.AllowedActions.ValidateNewHire));
        Assert.Equal(TransferPath.FullTraining, approved.TransferPath);
        Assert.Equal(2, service.Credentialing.ReservationsFor(Guid.Parse(submitted.Id)));
        var approvals = await service.Redis.WaitForAsync<AccessRequestApproved>(service.StreamOf(AccessRequestApproved.Descriptor), a => a.AccessRequestId == submitted.Id, 2);
        Assert.All(approvals, a => Assert.Equal("FULL_TRAINING", a.TransferPath));
    }

    [Fact]
    public async Task ReturningUser_SameProjectTypes_IsAFullTransferThatCreatesAccounts()
    {
        var history = ActiveAt(DemoData.SouthsideAgencyId, ProjectType.EmergencyShelter);
        service.Credentialing.Knows("returning.full@lakeview.example.org", history);

        var submitted = await SubmitAsync("returning.full@lakeview.example.org", r => r.Type = RequestType.ReturningUser);
        var approved = await service.HmisTeam.ApproveAsync(submitted);

        Assert.Equal(TransferPath.FullTransfer, submitted.TransferPath);
        Assert.Contains(ReviewOutcome.ConfirmCreditUse, submitted.AllowedActions.ReviewOutcomes);
        Assert.DoesNotContain(ReviewOutcome.ConfirmEnrolments, submitted.AllowedActions.ReviewOutcomes);
        Assert.Equal(history.PersonId.ToString(), submitted.Users[0].PersonId);
        Assert.Equal(AccessRequestStatus.InProgress, approved.Status);
        var approval = Assert.Single(await service.Redis.WaitForAsync<AccessRequestApproved>(service.StreamOf(AccessRequestApproved.Descriptor), a => a.AccessRequestId == submitted.Id));
        Assert.Equal("FULL_TRANSFER", approval.TransferPath);
    }

    [Fact]
    public async Task NewProjectAccess_ForAnActiveUserHere_TrainsOnlyTheNewProject()
    {
        service.Credentialing.Knows("new.project@lakeview.example.org", ActiveAt(DemoData.LakeviewAgencyId, ProjectType.EmergencyShelter));

        var submitted = await SubmitAsync("new.project@lakeview.example.org", r =>
        {
            r.Type = RequestType.NewProjectAccess;
            r.Access.ProjectTypes.Clear();
            r.Access.ProjectTypes.Add(ProjectType.OutreachPath);
        });

        Assert.Equal(TransferPath.ProjectCourseOnly, submitted.TransferPath);
        Assert.Equal([ProjectType.OutreachPath], submitted.ProjectTypesToTrain);
    }

    [Fact]
    public async Task WrongForm_BothDirections_NameTheFormThatApplies()
    {
        service.Credentialing.Knows("active.elsewhere@lakeview.example.org", ActiveAt(DemoData.SouthsideAgencyId, ProjectType.EmergencyShelter));

        var asNew = await RpcErrors.CatchAsync(() => service.Client.SubmitAccessRequestAsync(Requests.NewAgencyUser("active.elsewhere@lakeview.example.org")).ResponseAsync);
        var returning = Requests.NewAgencyUser("never.here@lakeview.example.org");
        returning.Type = RequestType.ReturningUser;
        var asReturning = await RpcErrors.CatchAsync(() => service.Client.SubmitAccessRequestAsync(returning).ResponseAsync);

        Assert.Equal((StatusCode.FailedPrecondition, "WRONG_REQUEST_TYPE"), (asNew.StatusCode, asNew.Reason()));
        Assert.Equal("REQUEST_TYPE_RETURNING_USER", Assert.Single(asNew.PreconditionViolations()).Type);
        Assert.Equal("REQUEST_TYPE_NEW_AGENCY_USERS", Assert.Single(asReturning.PreconditionViolations()).Type);
        Assert.Contains("users[0]", asNew.ViolatedFields());
        Assert.False(await service.QueryAsync(db => db.AccessRequests.AnyAsync(r => r.Users.Any(u => u.Email == "active.elsewhere@lakeview.example.org" || u.Email == "never.here@lakeview.example.org"))));
    }

    [Fact]
    public async Task HrsRequest_GoesToTheCeQueue_AndTheHmisTeamLicensesOnlyAfterCeApproval()
    {
        var submitted = await SubmitAsync("hrs.person@lakeview.example.org", r =>
        {
            r.Type = RequestType.HrsCe1474;
            r.Access.ProjectTypes.Clear();
            r.Access.ProjectTypes.Add(ProjectType.CoordinatedEntry1474);
        });
        var ceTeam = new AccessRequests.AccessRequestsClient(service.ChannelWithToken(TestTokens.Person(Guid.NewGuid(), Caller.CeTeamRole, agencyId: null)));

        var ceQueue = await ceTeam.ListAccessRequestsAsync(new ListAccessRequestsRequest { Statuses = { AccessRequestStatus.AwaitingCeDecision }, PageSize = 500 });
        var hmisQueue = await service.HmisTeam.ListAccessRequestsAsync(new ListAccessRequestsRequest { Statuses = { AccessRequestStatus.Submitted }, PageSize = 500 });
        var tooEarly = await RpcErrors.CatchAsync(() => service.HmisTeam.ReviewAccessRequestAsync(Requests.Review(submitted, ReviewOutcome.ConfirmCreditUse)).ResponseAsync);
        var decided = (await ceTeam.CeDecideAccessRequestAsync(new CeDecideAccessRequestRequest
        {
            RequestId = Guid.NewGuid().ToString(), AccessRequestId = submitted.Id, Etag = submitted.Etag, Decision = CeDecision.Approve,
        })).AccessRequest;
        var approved = await service.HmisTeam.ApproveAsync(decided);

        Assert.Equal(AccessRequestStatus.AwaitingCeDecision, submitted.Status);
        Assert.Contains(ceQueue.AccessRequests, r => r.Id == submitted.Id);
        Assert.DoesNotContain(hmisQueue.AccessRequests, r => r.Id == submitted.Id);
        Assert.Equal((StatusCode.FailedPrecondition, "NOT_IN_REVIEW"), (tooEarly.StatusCode, tooEarly.Reason()));
        Assert.NotNull(decided.CeApprovedAt);
        Assert.Equal(AccessRequestStatus.InProgress, approved.Status);
    }

    [Fact]
    public async Task RouteToCeTeam_MovesTheRequestToTheCeQueue_AndTheirApprovalReturnsIt()
    {
        var submitted = await SubmitAsync("routed.person@lakeview.example.org");
        var ceTeam = new AccessRequests.AccessRequestsClient(service.ChannelWithToken(TestTokens.Person(Guid.NewGuid(), Caller.CeTeamRole, agencyId: null)));

        var routed = (await service.HmisTeam.ReviewAccessRequestAsync(Requests.Review(submitted, ReviewOutcome.RouteToCeTeam, "Works as an HRS"))).AccessRequest;
        var queue = await ceTeam.ListAccessRequestsAsync(new ListAccessRequestsRequest { Statuses = { AccessRequestStatus.AwaitingCeDecision }, PageSize = 500 });
        var back = (await ceTeam.CeDecideAccessRequestAsync(new CeDecideAccessRequestRequest
        {
            RequestId = Guid.NewGuid().ToString(), AccessRequestId = submitted.Id, Etag = routed.Etag, Decision = CeDecision.Approve,
        })).AccessRequest;

        Assert.Equal((AccessRequestStatus.AwaitingCeDecision, WaitingOn.CeTeam), (routed.Status, routed.WaitingOn));
        Assert.Contains(queue.AccessRequests, r => r.Id == submitted.Id);
        Assert.Equal((AccessRequestStatus.Submitted, WaitingOn.HmisTeam), (back.Status, back.WaitingOn));
    }

    [Fact]
    public async Task AgencyWhoseApaEndedYesterday_CannotSubmit()
    {
        var agency = (await service.Agencies.CreateAgencyAsync(new CreateAgencyRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = "Lapsing", EmailDomains = { "lapsing.example.org" }, InHmis = true, ApaSignedOn = "2025-01-01",
            // Yesterday in Chicago, whatever the date in UTC.
            ApaEndsOn = HmisPlatform.BuildingBlocks.Domain.Continuum.DateOf(DateTimeOffset.UtcNow).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Projects = { new AgencyProject { Name = "Shelter", ProjectType = ProjectType.EmergencyShelter } },
        })).Agency;
        var submit = Requests.NewAgencyUser("new.hire@lapsing.example.org");
        submit.AgencyId = agency.Id;

        var error = await RpcErrors.CatchAsync(() => service.HmisTeam.SubmitAccessRequestAsync(submit).ResponseAsync);

        Assert.False(agency.ApaCurrent);
        Assert.Equal((StatusCode.FailedPrecondition, "AGENCY_APA_NOT_CURRENT"), (error.StatusCode, error.Reason()));
        Assert.Equal([$"agencies/{agency.Id}"], error.FailedPreconditionSubjects());
    }

    [Fact]
    public async Task BundleOverTheCap_IsRefusedOnUsers()
    {
        var submit = Requests.NewAgencyUser("cap.0@lakeview.example.org");
        submit.Users.Add(Enumerable.Range(1, 25).Select(i => new Hmis.Requests.V1.NewUser { GivenName = "Cap", FamilyName = $"P{i}", Email = $"cap.{i}@lakeview.example.org" }));

        var error = await RpcErrors.CatchAsync(() => service.Client.SubmitAccessRequestAsync(submit).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, "BUNDLE_TOO_LARGE"), (error.StatusCode, error.Reason()));
        Assert.Equal(["users"], error.ViolatedFields());
    }

    [Fact]
    public async Task SelfReview_IsRefusedAndChangesNothing()
    {
        var reviewerId = Guid.NewGuid();
        var reviewer = new AccessRequests.AccessRequestsClient(service.ChannelWithToken(TestTokens.Person(reviewerId, PlatformIdentity.HmisTeamRole, agencyId: null)));
        var mine = Requests.NewAgencyUser("self.review@lakeview.example.org");
        var submitted = (await reviewer.SubmitAccessRequestAsync(mine)).AccessRequest;

        var error = await RpcErrors.CatchAsync(() => reviewer.ReviewAccessRequestAsync(Requests.Review(submitted, ReviewOutcome.ConfirmCreditUse)).ResponseAsync);

        Assert.Equal((StatusCode.PermissionDenied, "SELF_REVIEW_NOT_ALLOWED"), (error.StatusCode, error.Reason()));
        Assert.Null((await ReadAsync(submitted.Id)).CreditsConfirmedAt);
    }

    [Fact]
    public async Task StaleEtag_IsRefused()
    {
        var submitted = await SubmitAsync("stale.etag@lakeview.example.org");
        await service.HmisTeam.ReviewAccessRequestAsync(Requests.Review(submitted, ReviewOutcome.ConfirmCreditUse));

        var error = await RpcErrors.CatchAsync(() => service.HmisTeam.ReviewAccessRequestAsync(Requests.Review(submitted, ReviewOutcome.Deny, "old view")).ResponseAsync);

        Assert.Equal((StatusCode.FailedPrecondition, "STALE_ETAG"), (error.StatusCode, error.Reason()));
        Assert.Equal(AccessRequestStatus.Submitted, (await ReadAsync(submitted.Id)).Status);
    }

    [Fact]
    public async Task TwoConcurrentDecisions_ExactlyOneWins()
    {
        var submitted = await SubmitAsync("concurrent.review@lakeview.example.org");

        var outcomes = await Task.WhenAll(
            Attempt(Requests.Review(submitted, ReviewOutcome.Deny, "first")),
            Attempt(Requests.Review(submitted, ReviewOutcome.RequestInformation, "second")));

        Assert.Single(outcomes, o => o is null);
        Assert.Single(outcomes, o => o == "STALE_ETAG");
        var history = await service.HmisTeam.ListAccessRequestHistoryAsync(new ListAccessRequestHistoryRequest { AccessRequestId = submitted.Id });
        Assert.Equal(2, history.Changes.Count);

        async Task<string?> Attempt(ReviewAccessRequestRequest review)
        {
            try
            {
                await service.HmisTeam.ReviewAccessRequestAsync(review);
                return null;
            }
            catch (RpcException ex)
            {
                return ex.Reason();
            }
        }
    }

    [Fact]
    public async Task CreditUse_IsReservedAtCredentialing_WhileTheRequestIsNotLocked()
    {
        var submitted = await SubmitAsync("unlocked.credit@lakeview.example.org");
        var lockedWhileReserving = new List<Exception>();
        service.Credentialing.WhileReserving = async id =>
        {
            // Another decision on the request at that moment would not wait for the call over the network.
            var locked = await Record.ExceptionAsync(() => service.QueryAsync(async db =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                return await db.Database.ExecuteSqlAsync($"SELECT 1 FROM access_requests WHERE id = {id} FOR UPDATE NOWAIT");
            }));
            lock (lockedWhileReserving)
            {
                lockedWhileReserving.AddRange(locked is null ? [] : [locked]);
            }
        };
        try
        {
            var confirmed = (await service.HmisTeam.ReviewAccessRequestAsync(Requests.Review(submitted, ReviewOutcome.ConfirmCreditUse))).AccessRequest;

            Assert.NotNull(confirmed.CreditsConfirmedAt);
            Assert.Equal(1, service.Credentialing.ReservationsFor(Guid.Parse(submitted.Id)));
            Assert.Empty(lockedWhileReserving);
        }
        finally
        {
            service.Credentialing.WhileReserving = null;
        }
    }

    [Fact]
    public async Task CreditUse_ThatReviewRefuses_ReservesNoCredits()
    {
        var submitted = await SubmitAsync("stale.credit@lakeview.example.org");
        var stale = Requests.Review(submitted, ReviewOutcome.ConfirmCreditUse);
        stale.Etag = "not-the-request-as-it-is";

        var error = await RpcErrors.CatchAsync(() => service.HmisTeam.ReviewAccessRequestAsync(stale).ResponseAsync);

        Assert.Equal((StatusCode.FailedPrecondition, "STALE_ETAG"), (error.StatusCode, error.Reason()));
        Assert.Equal(0, service.Credentialing.ReservationsFor(Guid.Parse(submitted.Id)));
        Assert.Null((await ReadAsync(submitted.Id)).CreditsConfirmedAt);
    }

    [Fact]
    public async Task CreditsExhausted_IsResourceExhaustedAndConfirmsNothing()
    {
        var agency = await service.Agencies.CreateAgencyAsync(new CreateAgencyRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = "Credit-less", EmailDomains = { "creditless.example.org" }, InHmis = true, ApaSignedOn = "2025-01-01",
            Projects = { new AgencyProject { Name = "Shelter", ProjectType = ProjectType.EmergencyShelter } },
        });
        service.Credentialing.SetCredits(Guid.Parse(agency.Agency.Id), 1);
        var submit = Requests.NewAgencyUser("one@creditless.example.org");
        submit.AgencyId = agency.Agency.Id;
        submit.Users.Add(new Hmis.Requests.V1.NewUser { GivenName = "Two", FamilyName = "People", Email = "two@creditless.example.org" });
        submit.AtaId = "";
        var ataId = Guid.NewGuid();
        await service.Agencies.AddAgencyAdministratorAsync(new AddAgencyAdministratorRequest
        {
            RequestId = Guid.NewGuid().ToString(), AgencyId = agency.Agency.Id, PersonId = ataId.ToString(), FullName = "Cee Ata", Email = "ata@creditless.example.org", Role = AdministratorRole.Ata,
        });
        var ata = new AccessRequests.AccessRequestsClient(service.ChannelWithToken(TestTokens.Person(ataId, Caller.AtaRole, agency.Agency.Id)));
        var submitted = (await ata.SubmitAccessRequestAsync(submit)).AccessRequest;

        var error = await RpcErrors.CatchAsync(() => service.HmisTeam.ReviewAccessRequestAsync(Requests.Review(submitted, ReviewOutcome.ConfirmCreditUse)).ResponseAsync);

        Assert.Equal((StatusCode.ResourceExhausted, "LICENSE_CREDITS_EXHAUSTED"), (error.StatusCode, error.Reason()));
        Assert.Equal($"agencies/{agency.Agency.Id}", Assert.Single(error.QuotaViolations()).Subject);
        Assert.Null((await ReadAsync(submitted.Id)).CreditsConfirmedAt);
        Assert.Equal(ataId.ToString(), submitted.AtaId);
        Assert.Equal(ataId.ToString(), submitted.SubmittedBy);
    }

    [Fact]
    public async Task MoreInformation_RoundTrip_PausesTheClockAndReturnsToTheQueue()
    {
        var submitted = await SubmitAsync("more.info@lakeview.example.org");
        var asked = (await service.HmisTeam.ReviewAccessRequestAsync(Requests.Review(submitted, ReviewOutcome.RequestInformation, "Which shelter will they work at?"))).AccessRequest;
        // The service's test clock moves an hour on while the ATA is asked, and another after they answer.
        var clock = service.Services.GetRequiredService<HmisPlatform.BuildingBlocks.Hosting.TestClock.PlatformClock>();
        var start = clock.Offset;
        AccessRequest paused, answered, running;
        try
        {
            clock.Follow(start + TimeSpan.FromHours(1));
            paused = await ReadAsync(submitted.Id);
            answered = (await service.Client.ProvideRequestInformationAsync(new ProvideRequestInformationRequest
            {
                RequestId = Guid.NewGuid().ToString(), AccessRequestId = submitted.Id, Information = "North Side shelter",
            })).AccessRequest;
            clock.Follow(start + TimeSpan.FromHours(2));
            running = await ReadAsync(submitted.Id);
        }
        finally
        {
            clock.Follow(start);
        }

        Assert.Equal((AccessRequestStatus.InformationRequested, WaitingOn.Ata), (asked.Status, asked.WaitingOn));
        Assert.Equal(asked.TimeWaiting, paused.TimeWaiting);
        Assert.Equal((AccessRequestStatus.Submitted, WaitingOn.HmisTeam), (answered.Status, answered.WaitingOn));
        Assert.True(running.TimeWaiting.ToTimeSpan() >= paused.TimeWaiting.ToTimeSpan() + TimeSpan.FromHours(1));
        var history = await service.HmisTeam.ListAccessRequestHistoryAsync(new ListAccessRequestHistoryRequest { AccessRequestId = submitted.Id });
        Assert.Equal(["SUBMITTED", "REQUEST_INFORMATION", "INFORMATION_PROVIDED"], history.Changes.Select(c => c.Action));
    }

    [Fact]
    public async Task ReviewQueue_MarksARequestPastTheFiveDayTarget_OnceTheTeamHasHadItLonger()
    {
        var submitted = await SubmitAsync("late.review@lakeview.example.org");
        var clock = service.Services.GetRequiredService<HmisPlatform.BuildingBlocks.Hosting.TestClock.PlatformClock>();
        var start = clock.Offset;
        AccessRequest onTime, late;
        try
        {
            clock.Follow(start + TimeSpan.FromDays(4));
            onTime = await ReadAsync(submitted.Id);
            clock.Follow(start + TimeSpan.FromDays(6));
            late = await InQueueAsync(submitted.Id);
        }
        finally
        {
            clock.Follow(start);
        }

        Assert.False(submitted.PastReviewTarget);
        Assert.False(onTime.PastReviewTarget);
        Assert.True(late.PastReviewTarget);
    }

    /// <summary>The request as the HMIS team's queue lists it, page after page.</summary>
    private async Task<AccessRequest> InQueueAsync(string id)
    {
        var token = "";
        do
        {
            var page = await service.HmisTeam.ListAccessRequestsAsync(new ListAccessRequestsRequest { Statuses = { AccessRequestStatus.Submitted }, PageToken = token });
            if (page.AccessRequests.SingleOrDefault(r => r.Id == id) is { } found)
            {
                return found;
            }
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        throw new InvalidOperationException("Not in the queue.");
    }

    [Fact]
    public async Task Denial_PublishesAClosedStatusChange_SoHeldCreditsGoBack()
    {
        var submitted = await SubmitAsync("denied.closed@lakeview.example.org");
        var confirmed = (await service.HmisTeam.ReviewAccessRequestAsync(Requests.Review(submitted, ReviewOutcome.ConfirmCreditUse))).AccessRequest;

        await service.HmisTeam.ReviewAccessRequestAsync(Requests.Review(confirmed, ReviewOutcome.Deny, "Not an employee"));

        var change = Assert.Single(await service.Redis.WaitForAsync<AccessRequestStatusChanged>(service.StreamOf(AccessRequestStatusChanged.Descriptor), e => e.AccessRequestId == submitted.Id));
        Assert.True(change.Closed);
        Assert.Equal("ACCESS_REQUEST_STATUS_DENIED", change.ToStatus);
        // What Notifications tells the ATA: why, and who the ATA is (from the submission).
        Assert.Equal("Not an employee", change.Reason);
        var submission = Assert.Single(await service.Redis.WaitForAsync<AccessRequestSubmitted>(service.StreamOf(AccessRequestSubmitted.Descriptor), e => e.AccessRequestId == submitted.Id));
        Assert.Equal((submitted.AtaId, "alex.rivera@lakeview.example.org"), (submission.Ata.Id, submission.Ata.Email));
    }

    [Fact]
    public async Task SecondOpenRequestForOnePerson_IsAlreadyExists_AndResubmissionLinksTheOldOne()
    {
        var first = await SubmitAsync("one.open@lakeview.example.org");
        var second = await RpcErrors.CatchAsync(() => service.Client.SubmitAccessRequestAsync(Requests.NewAgencyUser("one.open@lakeview.example.org")).ResponseAsync);
        var resubmit = Requests.Review(first, ReviewOutcome.RequestResubmission, "They need the returning user form");
        resubmit.RequiredForm = RequestType.NewProjectAccess;
        await service.HmisTeam.ReviewAccessRequestAsync(resubmit);

        var again = Requests.NewAgencyUser("one.open@lakeview.example.org");
        again.ReplacesAccessRequestId = first.Id;
        var replacement = (await service.Client.SubmitAccessRequestAsync(again)).AccessRequest;

        Assert.Equal((StatusCode.AlreadyExists, "OPEN_REQUEST_EXISTS"), (second.StatusCode, second.Reason()));
        Assert.Equal(first.Id, replacement.ReplacesAccessRequestId);
        Assert.Equal(first.Users[0].PersonId, replacement.Users[0].PersonId);
        Assert.Equal(RequestType.NewProjectAccess, (await ReadAsync(first.Id)).RequiredForm);
    }

    [Fact]
    public async Task AuditTable_RefusesUpdatesAndDeletes()
    {
        var submitted = await SubmitAsync("audit.person@lakeview.example.org");

        var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => service.QueryAsync(db =>
            db.Database.ExecuteSqlAsync($"UPDATE access_request_audit SET reason = 'rewritten' WHERE access_request_id = {Guid.Parse(submitted.Id)}")));

        Assert.Contains("append-only", error.MessageText);
    }
}
