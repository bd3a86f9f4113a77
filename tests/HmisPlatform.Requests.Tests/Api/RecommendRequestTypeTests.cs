using Grpc.Core;
using Hmis.Common.V1;
using Hmis.Requests.V1;
using HmisPlatform.Requests.Domain.People;
using HmisPlatform.Requests.Infrastructure;
using HmisPlatform.Testing;

namespace HmisPlatform.Requests.Tests.Api;

/// <summary>The guided request's question: which form fits this person, and why.</summary>
public sealed class RecommendRequestTypeTests(RequestsFixture service) : IClassFixture<RequestsFixture>
{
    private Task<RecommendRequestTypeResponse> RecommendAsync(string email, params ProjectType[] projectTypes) =>
        service.Client.RecommendRequestTypeAsync(new RecommendRequestTypeRequest
        {
            AgencyId = DemoData.LakeviewAgencyId.ToString(),
            Email = email,
            Access = new Access { Responsibilities = { Responsibility.EnterClientData }, ProjectTypes = { projectTypes.Length > 0 ? projectTypes : [ProjectType.EmergencyShelter] } },
        }).ResponseAsync;

    private static PersonHistory ActiveAt(Guid agencyId) =>
        new([new PriorAccount(Guid.NewGuid(), agencyId, AccountState.Active, [BuildingBlocks.Domain.ProjectType.EmergencyShelter], DateTimeOffset.UtcNow.AddDays(-3))]);

    [Fact]
    public async Task SomeoneNewToTheHmis_GetsNewAgencyUsers_WithTheBundleRule()
    {
        var advice = await RecommendAsync("brand.new@lakeview.example.org");

        Assert.Equal(RequestType.NewAgencyUsers, advice.Type);
        Assert.Contains(advice.Rules, r => r.Contains("25 new users", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SomeoneActiveAtAnotherAgency_GetsReturningUser_OneUserPerRequest()
    {
        service.Credentialing.Knows("moving.on@lakeview.example.org", ActiveAt(DemoData.SouthsideAgencyId));

        var advice = await RecommendAsync("moving.on@lakeview.example.org");

        Assert.Equal(RequestType.ReturningUser, advice.Type);
        Assert.Contains("current access in the CoC", advice.Reason, StringComparison.Ordinal);
        Assert.Contains("One user per request.", advice.Rules);
    }

    [Fact]
    public async Task SomeoneActiveHere_GetsNewProjectAccess_And1474GoesToTheCeForm()
    {
        service.Credentialing.Knows("already.here@lakeview.example.org", ActiveAt(DemoData.LakeviewAgencyId));

        var here = await RecommendAsync("already.here@lakeview.example.org", ProjectType.Ssvf);
        var ce = await RecommendAsync("already.here@lakeview.example.org", ProjectType.CoordinatedEntry1474);

        Assert.Equal(RequestType.NewProjectAccess, here.Type);
        Assert.Equal(RequestType.HrsCe1474, ce.Type);
    }

    [Fact]
    public async Task APersonalEmail_IsRefusedOnTheEmailField_AndAnotherAgencyMayNotAsk()
    {
        var personal = await RpcErrors.CatchAsync(() => RecommendAsync("someone@gmail.example.com"));
        var otherAgency = new AccessRequests.AccessRequestsClient(service.ChannelWithToken(TestTokens.Issue(agencyId: Guid.NewGuid().ToString())));
        var refused = await RpcErrors.CatchAsync(() => otherAgency.RecommendRequestTypeAsync(new RecommendRequestTypeRequest
        {
            AgencyId = DemoData.LakeviewAgencyId.ToString(), Email = "x@lakeview.example.org",
        }).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, "EMAIL_NOT_AGENCY_DOMAIN"), (personal.StatusCode, personal.Reason()));
        Assert.Equal(["email"], personal.ViolatedFields());
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }

    [Fact]
    public async Task APersonalEmailAndNoAccess_AreRefusedTogether()
    {
        var error = await RpcErrors.CatchAsync(() => service.Client.RecommendRequestTypeAsync(new RecommendRequestTypeRequest
        {
            AgencyId = DemoData.LakeviewAgencyId.ToString(), Email = "someone@gmail.example.com",
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["email", "access.responsibilities", "access.project_types"], error.ViolatedFields());
    }

    [Fact]
    public async Task APersonInFull_IsCheckedAsASubmissionChecksThem_AndThenAdvised()
    {
        var wrong = await RpcErrors.CatchAsync(() => service.Client.RecommendRequestTypeAsync(new RecommendRequestTypeRequest
        {
            AgencyId = DemoData.LakeviewAgencyId.ToString(),
            User = new NewUser { GivenName = " ", FamilyName = "", Email = "someone@gmail.example.com" },
            Access = new Access { Responsibilities = { Responsibility.EnterClientData }, ProjectTypes = { ProjectType.EmergencyShelter } },
        }).ResponseAsync);
        var right = await service.Client.RecommendRequestTypeAsync(new RecommendRequestTypeRequest
        {
            AgencyId = DemoData.LakeviewAgencyId.ToString(),
            User = new NewUser { GivenName = "Ines", FamilyName = "Okafor", Email = "ines.okafor@lakeview.example.org" },
            Access = new Access { Responsibilities = { Responsibility.EnterClientData }, ProjectTypes = { ProjectType.EmergencyShelter } },
        });

        Assert.Equal(StatusCode.InvalidArgument, wrong.StatusCode);
        Assert.Equal(["user.given_name", "user.family_name", "user.email"], wrong.ViolatedFields());
        Assert.Equal(RequestType.NewAgencyUsers, right.Type);
    }
}
