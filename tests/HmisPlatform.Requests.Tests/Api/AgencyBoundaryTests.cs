using Grpc.Core;
using Hmis.Requests.V1;
using HmisPlatform.Requests.Infrastructure;
using HmisPlatform.Testing;

namespace HmisPlatform.Requests.Tests.Api;

/// <summary>An agency's system sees and acts for its own agency only; another agency's ids answer like missing ones.</summary>
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

        var error = await RpcErrors.CatchAsync(() => agencySystem.ReviewAccessRequestAsync(Requests.Confirm(lakeview.Id)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }
}
