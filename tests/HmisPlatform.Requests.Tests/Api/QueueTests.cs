using Hmis.Requests.V1;
using HmisPlatform.Requests.Infrastructure;
using HmisPlatform.Testing;

namespace HmisPlatform.Requests.Tests.Api;

/// <summary>The review queue: oldest first, filtered, a keyset page at a time.</summary>
public sealed class QueueTests(RequestsFixture service) : IClassFixture<RequestsFixture>
{
    [Fact]
    public async Task Queue_PagesThroughEveryRequestOnce_OldestFirst()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await service.Client.SubmitAccessRequestAsync(Requests.NewAgencyUser($"queue.{i}@lakeview.example.org"))).AccessRequest.Id);
        }

        var seen = new List<AccessRequest>();
        var token = "";
        do
        {
            var page = await service.HmisTeam.ListAccessRequestsAsync(new ListAccessRequestsRequest
            {
                Statuses = { AccessRequestStatus.Submitted }, AgencyId = DemoData.LakeviewAgencyId.ToString(), PageSize = 2, PageToken = token,
            });
            Assert.True(page.AccessRequests.Count <= 2);
            seen.AddRange(page.AccessRequests);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(seen.Select(r => r.Id).Distinct().Count(), seen.Count);
        Assert.Equal(seen.OrderBy(r => r.SubmittedAt.ToDateTimeOffset()).ThenBy(r => Guid.Parse(r.Id)).Select(r => r.Id), seen.Select(r => r.Id));
        Assert.Superset(seen.Select(r => r.Id).ToHashSet(), ids.ToHashSet());
        Assert.All(seen, r => Assert.Equal(WaitingOn.HmisTeam, r.WaitingOn));
    }

    [Fact]
    public async Task Queue_NewestFirst_PagesThroughEveryRequestOnce_NewestFirst()
    {
        for (var i = 0; i < 3; i++)
        {
            await service.Client.SubmitAccessRequestAsync(Requests.NewAgencyUser($"newest.{i}@lakeview.example.org"));
        }

        var seen = new List<AccessRequest>();
        var token = "";
        do
        {
            var page = await service.HmisTeam.ListAccessRequestsAsync(new ListAccessRequestsRequest
            {
                Statuses = { AccessRequestStatus.Submitted }, AgencyId = DemoData.LakeviewAgencyId.ToString(), PageSize = 2, PageToken = token, NewestFirst = true,
            });
            seen.AddRange(page.AccessRequests);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.True(seen.Count >= 3);
        Assert.Equal(seen.Select(r => r.Id).Distinct().Count(), seen.Count);
        Assert.Equal(seen.OrderByDescending(r => r.SubmittedAt.ToDateTimeOffset()).ThenByDescending(r => Guid.Parse(r.Id)).Select(r => r.Id), seen.Select(r => r.Id));
        Assert.Equal("newest.2@lakeview.example.org", seen[0].Users[0].Email);
    }

    [Fact]
    public async Task Counts_ByStatusAndForm_MoveWithASubmission_AndAnAgencyCountsItsOwn()
    {
        static int Of(CountAccessRequestsResponse counts, RequestType type) =>
            counts.Counts.Where(c => c.Status == AccessRequestStatus.Submitted && c.Type == type).Sum(c => c.Count);
        var before = await service.HmisTeam.CountAccessRequestsAsync(new CountAccessRequestsRequest());

        await service.Client.SubmitAccessRequestAsync(Requests.NewAgencyUser("counted.1@lakeview.example.org"));
        await service.Client.SubmitAccessRequestAsync(Requests.NewAgencyUser("counted.2@lakeview.example.org"));
        var after = await service.HmisTeam.CountAccessRequestsAsync(new CountAccessRequestsRequest());
        var lakeviewOwn = await service.Client.CountAccessRequestsAsync(new CountAccessRequestsRequest());
        var lakeviewAsTeamSees = await service.HmisTeam.CountAccessRequestsAsync(new CountAccessRequestsRequest { AgencyId = DemoData.LakeviewAgencyId.ToString() });
        var lakeviewPages = await service.HmisTeam.ListAccessRequestsAsync(new ListAccessRequestsRequest
        {
            Statuses = { AccessRequestStatus.Submitted }, Type = RequestType.NewAgencyUsers, AgencyId = DemoData.LakeviewAgencyId.ToString(), PageSize = 500,
        });

        Assert.Equal(Of(before, RequestType.NewAgencyUsers) + 2, Of(after, RequestType.NewAgencyUsers));
        Assert.Equal(Of(before, RequestType.ReturningUser), Of(after, RequestType.ReturningUser));
        Assert.Equal(lakeviewAsTeamSees.Counts, lakeviewOwn.Counts);
        Assert.Equal(lakeviewPages.AccessRequests.Count, Of(lakeviewOwn, RequestType.NewAgencyUsers));
        Assert.All(after.Counts, c => Assert.True(c.Count > 0));
    }

    [Fact]
    public async Task Queue_BadPageToken_IsInvalidArgument()
    {
        var error = await RpcErrors.CatchAsync(() => service.HmisTeam.ListAccessRequestsAsync(new ListAccessRequestsRequest { PageToken = "not-a-token" }).ResponseAsync);
        Assert.Equal("INVALID_PAGE_TOKEN", error.Reason());
    }

    [Fact]
    public async Task Journeys_AgencyListsItsPeopleByStage()
    {
        var submitted = (await service.Client.SubmitAccessRequestAsync(Requests.NewAgencyUser("journey.list@lakeview.example.org"))).AccessRequest;

        var journeys = await service.Client.ListJourneysAsync(new ListJourneysRequest { Stage = JourneyStage.Request, PageSize = 500 });
        var none = await service.Client.ListJourneysAsync(new ListJourneysRequest { Stage = JourneyStage.Request, WaitingLongerThanDays = 3, PageSize = 500 });

        var journey = Assert.Single(journeys.Journeys, j => j.PersonId == submitted.Users[0].PersonId);
        Assert.Equal((WaitingOn.HmisTeam, RequestType.NewAgencyUsers), (journey.WaitingOn, journey.RequestType));
        Assert.DoesNotContain(none.Journeys, j => j.PersonId == submitted.Users[0].PersonId);
        Assert.All(journeys.Journeys, j => Assert.Equal(DemoData.LakeviewAgencyId.ToString(), j.AgencyId));
    }
}
