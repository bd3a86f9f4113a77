using HmisPlatform.BuildingBlocks.Domain;
using Grpc.Core;
using Hmis.Requests.V1;
using HmisPlatform.Requests.Infrastructure;
using HmisPlatform.Testing;

namespace HmisPlatform.Requests.Tests.Api;

/// <summary>An agency's system sees and acts for its own agency only; another agency's ids answer like missing ones.</summary>
[Trait("ASVS", "8.2.2")]
public sealed class AgencyBoundaryTests(RequestsFixture service) : IClassFixture<RequestsFixture>
{
    private AccessRequests.AccessRequestsClient Southside => new(service.ChannelWithToken(TestTokens.Issue(agencyId: DemoData.SouthsideAgencyId.ToString())));

    private async Task<Hmis.Requests.V1.AccessRequest> LakeviewRequestAsync(string email) =>
        (await service.Client.SubmitAccessRequestAsync(Requests.NewAgencyUser(email))).AccessRequest;

    [Fact]
    public async Task OtherAgencysRequest_AnswersExactlyLikeAMissingOne()
    {
        var lakeview = await LakeviewRequestAsync("boundary.get@lakeview.example.org");

        var foreign = await RpcErrors.CatchAsync(() => Southside.GetAccessRequestAsync(new GetAccessRequestRequest { AccessRequestId = lakeview.Id }).ResponseAsync);
        var missing = await RpcErrors.CatchAsync(() => Southside.GetAccessRequestAsync(new GetAccessRequestRequest { AccessRequestId = Guid.NewGuid().ToString() }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, foreign.StatusCode);
        Assert.Equal((missing.StatusCode, missing.Status.Detail, missing.Reason()), (foreign.StatusCode, foreign.Status.Detail, foreign.Reason()));
    }

    [Fact]
    public async Task OtherAgencysPersonsJourney_AnswersExactlyLikeAMissingOne()
    {
        var lakeview = await LakeviewRequestAsync("boundary.journey@lakeview.example.org");

        var foreign = await RpcErrors.CatchAsync(() => Southside.GetJourneyAsync(new GetJourneyRequest { PersonId = lakeview.Users[0].PersonId }).ResponseAsync);
        var missing = await RpcErrors.CatchAsync(() => Southside.GetJourneyAsync(new GetJourneyRequest { PersonId = Guid.NewGuid().ToString() }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, foreign.StatusCode);
        Assert.Equal((missing.StatusCode, missing.Status.Detail), (foreign.StatusCode, foreign.Status.Detail));
    }

    [Fact]
    public async Task SubmittingForAnotherAgency_IsPermissionDeniedAndStoresNothing()
    {
        var forLakeview = Requests.NewAgencyUser("boundary.submit@lakeview.example.org");

        var error = await RpcErrors.CatchAsync(() => Southside.SubmitAccessRequestAsync(forLakeview).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal("AGENCY_NOT_PERMITTED", error.Reason());
        Assert.Equal(["agency_id"], error.ViolatedFields());
    }

    [Fact]
    public async Task HmisTeam_SeesEveryAgencysRequests()
    {
        var lakeview = await LakeviewRequestAsync("boundary.team@lakeview.example.org");
        var hmisTeam = new AccessRequests.AccessRequestsClient(service.HmisTeamChannel);

        var read = (await hmisTeam.GetAccessRequestAsync(new GetAccessRequestRequest { AccessRequestId = lakeview.Id })).AccessRequest;

        Assert.Equal(lakeview.Id, read.Id);
    }

    [Fact]
    public async Task AgencySystemWithoutTheReviewScope_CannotReview()
    {
        var lakeview = await LakeviewRequestAsync("boundary.review@lakeview.example.org");
        var agencySystem = new AccessRequests.AccessRequestsClient(service.ChannelWithToken(
            TestTokens.Issue(scopes: PlatformIdentity.Scopes.Where(s => s != PlatformIdentity.RequestsReview))));

        var error = await RpcErrors.CatchAsync(() => agencySystem.ReviewAccessRequestAsync(Requests.Review(lakeview, ReviewOutcome.ConfirmCreditUse)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task AgencySystemWithTheReviewScope_IsStillNotTheHmisTeam()
    {
        var lakeview = await LakeviewRequestAsync("boundary.scope@lakeview.example.org");

        var error = await RpcErrors.CatchAsync(() => service.Client.ReviewAccessRequestAsync(Requests.Review(lakeview, ReviewOutcome.Deny, "no")).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal("HMIS_TEAM_ONLY", error.Reason());
    }

    [Fact]
    public async Task OtherAgencysAta_CannotWithdrawOrAnswer_AndSeesNothingInLists()
    {
        var lakeview = await LakeviewRequestAsync("boundary.withdraw@lakeview.example.org");
        var southsideAta = new AccessRequests.AccessRequestsClient(service.ChannelWithToken(
            TestTokens.Person(DemoData.SouthsideAtaId, Caller.AtaRole, DemoData.SouthsideAgencyId.ToString())));

        var withdraw = await RpcErrors.CatchAsync(() => southsideAta.WithdrawAccessRequestAsync(new WithdrawAccessRequestRequest
        {
            RequestId = Guid.NewGuid().ToString(), AccessRequestId = lakeview.Id, Reason = "mine now",
        }).ResponseAsync);
        var listed = await southsideAta.ListAccessRequestsAsync(new ListAccessRequestsRequest { PageSize = 500 });
        var named = await RpcErrors.CatchAsync(() => southsideAta.ListAccessRequestsAsync(new ListAccessRequestsRequest { AgencyId = lakeview.AgencyId }).ResponseAsync);

        Assert.Equal((StatusCode.PermissionDenied, "NOT_AVAILABLE"), (withdraw.StatusCode, withdraw.Reason()));
        Assert.DoesNotContain(listed.AccessRequests, r => r.AgencyId == lakeview.AgencyId);
        Assert.Equal(StatusCode.PermissionDenied, named.StatusCode);
        var read = (await service.Client.GetAccessRequestAsync(new GetAccessRequestRequest { AccessRequestId = lakeview.Id })).AccessRequest;
        Assert.Equal(AccessRequestStatus.Submitted, read.Status);
    }
}
