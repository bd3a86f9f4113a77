using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hmis.Common.V1;
using Hmis.Events.V1;
using Hmis.Requests.V1;
using HmisPlatform.BuildingBlocks.Contracts;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Requests.Domain.People;
using HmisPlatform.Requests.Infrastructure;
using HmisPlatform.Testing;
using ProjectType = Hmis.Common.V1.ProjectType;
using Responsibility = Hmis.Common.V1.Responsibility;

namespace HmisPlatform.Requests.Tests.Api;

/// <summary>
/// Every route from approval ends in live credentials or a closed state: the assignment waived where the process says
/// "in addition to or instead of", current users' new projects without a credit, and a request closed by an extension.
/// </summary>
public sealed class NoDeadEndTests(RequestsFixture service) : IClassFixture<RequestsFixture>
{
    private AccessRequests.AccessRequestsClient CeTeam => new(service.ChannelWithToken(TestTokens.Person(Guid.NewGuid(), Caller.CeTeamRole, agencyId: null)));

    private async Task<AccessRequest> SubmitAsync(string email, Action<SubmitAccessRequestRequest> change)
    {
        var request = Requests.NewAgencyUser(email);
        change(request);
        return (await service.Client.SubmitAccessRequestAsync(request)).AccessRequest;
    }

    private static PersonHistory ActiveAt(Guid agencyId, params ProjectType[] types) =>
        new([new PriorAccount(Guid.NewGuid(), agencyId, AccountState.Active, types.ToDomain(), DateTimeOffset.UtcNow.AddDays(-3))]);

    private static void Hrs(SubmitAccessRequestRequest r)
    {
        r.Type = RequestType.HrsCe1474;
        r.Access.ProjectTypes.Clear();
        r.Access.ProjectTypes.Add(ProjectType.CoordinatedEntry1474);
    }

    [Fact]
    public async Task HrsRequest_TheCeTeamWaivesTheAssignment_AndTheApprovalCarriesIt()
    {
        var submitted = await SubmitAsync("hrs.waived@lakeview.example.org", Hrs);

        var decided = (await CeTeam.CeDecideAccessRequestAsync(new CeDecideAccessRequestRequest
        {
            RequestId = Guid.NewGuid().ToString(), AccessRequestId = submitted.Id, Etag = submitted.Etag, Decision = CeDecision.Approve, WaiveAssessment = true,
        })).AccessRequest;
        await service.HmisTeam.ApproveAsync(decided);

        Assert.True(decided.AssessmentWaived);
        var approval = Assert.Single(await service.Redis.WaitForAsync<AccessRequestApproved>(service.StreamOf(AccessRequestApproved.Descriptor), a => a.AccessRequestId == submitted.Id));
        Assert.True(approval.AssessmentWaived);
        Assert.False(approval.NoDataEntry);
    }

    [Fact]
    public async Task HousingSystemNavigation_TheHmisTeamMayWaiveTheAssignment_ButNotForOtherAccess()
    {
        var navigation = await SubmitAsync("navigator.waived@lakeview.example.org", r => r.Access.ProjectTypes.Add(ProjectType.HousingSystemNavigation));
        var shelter = await SubmitAsync("shelter.notwaived@lakeview.example.org", _ => { });
        ReviewAccessRequestRequest Enrol(AccessRequest confirmed) => new()
        {
            RequestId = Guid.NewGuid().ToString(), AccessRequestId = confirmed.Id, Etag = confirmed.Etag, Outcome = ReviewOutcome.ConfirmEnrolments, WaiveAssessment = true,
        };

        var navigationConfirmed = (await service.HmisTeam.ReviewAccessRequestAsync(Requests.Review(navigation, ReviewOutcome.ConfirmCreditUse))).AccessRequest;
        var waived = (await service.HmisTeam.ReviewAccessRequestAsync(Enrol(navigationConfirmed))).AccessRequest;
        var shelterConfirmed = (await service.HmisTeam.ReviewAccessRequestAsync(Requests.Review(shelter, ReviewOutcome.ConfirmCreditUse))).AccessRequest;
        var refused = await RpcErrors.CatchAsync(() => service.HmisTeam.ReviewAccessRequestAsync(Enrol(shelterConfirmed)).ResponseAsync);

        Assert.True(waived.AssessmentWaived);
        Assert.Equal((StatusCode.InvalidArgument, "ASSESSMENT_WAIVER_NOT_ALLOWED", "waive_assessment"), (refused.StatusCode, refused.Reason(), refused.ViolatedFields().Single()));
        Assert.Equal(AccessRequestStatus.Submitted, (await service.HmisTeam.GetAccessRequestAsync(new GetAccessRequestRequest { AccessRequestId = shelter.Id })).AccessRequest.Status);
    }

    [Fact]
    public async Task ReportingOnlyAccess_IsApprovedWithoutDataEntry_SoNoAssignmentWaitsForIt()
    {
        var submitted = await SubmitAsync("reports.only@lakeview.example.org", r =>
        {
            r.Access.Responsibilities.Clear();
            r.Access.Responsibilities.Add(Responsibility.Reporting);
        });

        await service.HmisTeam.ApproveAsync(submitted);

        var approval = Assert.Single(await service.Redis.WaitForAsync<AccessRequestApproved>(service.StreamOf(AccessRequestApproved.Descriptor), a => a.AccessRequestId == submitted.Id));
        Assert.True(approval.NoDataEntry);
    }

    [Fact]
    public async Task NewProjectAccess_BundlesCurrentUsers_UsesNoCredit_AndClosesWhenEveryAccountIsExtended()
    {
        service.Credentialing.Knows("current.one@lakeview.example.org", ActiveAt(DemoData.LakeviewAgencyId, ProjectType.EmergencyShelter));
        service.Credentialing.Knows("current.two@lakeview.example.org", ActiveAt(DemoData.LakeviewAgencyId, ProjectType.ServicesOnly));
        var submitted = await SubmitAsync("current.one@lakeview.example.org", r =>
        {
            r.Type = RequestType.NewProjectAccess;
            r.Users.Add(new Hmis.Requests.V1.NewUser { GivenName = "Cur", FamilyName = "Two", Email = "current.two@lakeview.example.org" });
            r.Access.ProjectTypes.Clear();
            r.Access.ProjectTypes.Add(ProjectType.Ssvf);
        });

        var credit = await RpcErrors.CatchAsync(() => service.HmisTeam.ReviewAccessRequestAsync(Requests.Review(submitted, ReviewOutcome.ConfirmCreditUse)).ResponseAsync);
        var approved = (await service.HmisTeam.ReviewAccessRequestAsync(Requests.Review(submitted, ReviewOutcome.CreateAccounts))).AccessRequest;
        foreach (var user in submitted.Users)
        {
            await service.Redis.PublishAsync(service.StreamOf(AccessExtended.Descriptor), new AccessExtended
            {
                EventId = Guid.NewGuid().ToString(), OccurredAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow), PersonId = user.PersonId,
                AccessRequestId = submitted.Id, AccountId = Guid.NewGuid().ToString(), AgencyId = submitted.AgencyId, ProjectTypes = { ProjectType.Ssvf },
            });
        }

        Assert.Equal(2, submitted.Users.Count);
        Assert.True(submitted.AssessmentWaived);
        Assert.Equal(TransferPath.FullTransfer, submitted.TransferPath);
        Assert.Equal((StatusCode.FailedPrecondition, "CREDITS_NOT_USED"), (credit.StatusCode, credit.Reason()));
        Assert.Equal(AccessRequestStatus.InProgress, approved.Status);
        Assert.Equal(0, service.Credentialing.ReservationsFor(Guid.Parse(submitted.Id)));
        var closed = await Eventually.ReturnsAsync(
            async () => (await service.HmisTeam.GetAccessRequestAsync(new GetAccessRequestRequest { AccessRequestId = submitted.Id })).AccessRequest,
            r => r.Status == AccessRequestStatus.Completed);
        Assert.Equal(AccessRequestStatus.Completed, closed.Status);
        var journey = (await service.HmisTeam.GetJourneyAsync(new GetJourneyRequest { PersonId = submitted.Users[0].PersonId })).Journey;
        Assert.Contains(journey.Timeline, e => e.Kind == "AccessExtended");
    }
}
