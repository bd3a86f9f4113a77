using Grpc.Core;
using Hmis.Common.V1;
using Hmis.Requests.V1;
using HmisPlatform.Requests.Infrastructure;
using HmisPlatform.Testing;

namespace HmisPlatform.Requests.Tests.Api;

/// <summary>The person tracker's search: by part of a name or an email, within what the caller may see, a page at a time.</summary>
public sealed class PersonSearchTests(RequestsFixture service) : IClassFixture<RequestsFixture>
{
    private AccessRequests.AccessRequestsClient Southside => new(service.ChannelWithToken(TestTokens.Issue(agencyId: DemoData.SouthsideAgencyId.ToString())));

    private async Task<AccessRequest> SubmitAsync(string givenName, string familyName, string agency = "lakeview")
    {
        var request = Requests.NewAgencyUser($"{givenName}.{familyName}@{agency}.example.org".ToLowerInvariant());
        request.Users[0].GivenName = givenName;
        request.Users[0].FamilyName = familyName;
        if (agency == "southside")
        {
            (request.AgencyId, request.AtaId) = (DemoData.SouthsideAgencyId.ToString(), DemoData.SouthsideAtaId.ToString());
            return (await Southside.SubmitAccessRequestAsync(request)).AccessRequest;
        }
        return (await service.Client.SubmitAccessRequestAsync(request)).AccessRequest;
    }

    private Task<SearchPeopleResponse> SearchAsync(AccessRequests.AccessRequestsClient client, string query, int pageSize = 0, string pageToken = "") =>
        client.SearchPeopleAsync(new SearchPeopleRequest { Query = query, PageSize = pageSize, PageToken = pageToken }).ResponseAsync;

    [Fact]
    public async Task HmisTeam_FindsAPerson_ByPartOfTheirNameEitherWayRound_OrTheirEmail()
    {
        var request = await SubmitAsync("Marisol", "Oyelaran");

        var byName = await SearchAsync(service.HmisTeam, "  marisol   OYEL ");
        var reversed = await SearchAsync(service.HmisTeam, "oyelaran mari");
        var byEmail = await SearchAsync(service.HmisTeam, "marisol.oyelaran@lake");
        var nobody = await SearchAsync(service.HmisTeam, "marisol oyelaranx");

        foreach (var found in new[] { byName, reversed, byEmail })
        {
            var match = Assert.Single(found.People);
            Assert.Equal((request.Users[0].PersonId, request.Id, RequestType.NewAgencyUsers, AccessRequestStatus.Submitted),
                (match.PersonId, match.AccessRequestId, match.RequestType, match.RequestStatus));
        }
        Assert.Empty(nobody.People);
    }

    [Fact]
    public async Task AnAgency_FindsOnlyItsOwnPeople()
    {
        await SubmitAsync("Ximena", "Castellanos");
        await SubmitAsync("Ximena", "Castellano", "southside");

        var lakeview = await SearchAsync(service.Client, "ximena castell");
        var southside = await SearchAsync(Southside, "ximena castell");
        var everyone = await SearchAsync(service.HmisTeam, "ximena castell");

        Assert.Equal(["Castellanos"], lakeview.People.Select(p => p.FamilyName));
        Assert.Equal(["Castellano"], southside.People.Select(p => p.FamilyName));
        Assert.Equal(2, everyone.People.Count);
    }

    [Fact]
    public async Task Results_PageNewestFirst_EachOnce()
    {
        var submitted = new List<AccessRequest>();
        for (var i = 0; i < 5; i++)
        {
            submitted.Add(await SubmitAsync("Pagina", $"Zyfort{i}"));
        }

        var seen = new List<string>();
        var token = "";
        do
        {
            var page = await SearchAsync(service.HmisTeam, "pagina zyfort", pageSize: 2, pageToken: token);
            Assert.True(page.People.Count <= 2);
            seen.AddRange(page.People.Select(p => p.AccessRequestId));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(submitted.Select(r => r.Id).Reverse(), seen);
    }

    [Fact]
    public async Task WildcardsAreTakenLiterally_AndATooShortQueryIsRefused()
    {
        await SubmitAsync("Percy", "Underwood");

        var percent = await SearchAsync(service.HmisTeam, "%%");
        var underscore = await SearchAsync(service.HmisTeam, "p_rcy");
        var tooShort = await RpcErrors.CatchAsync(() => SearchAsync(service.HmisTeam, " p "));

        Assert.Empty(percent.People);
        Assert.Empty(underscore.People);
        Assert.Equal((StatusCode.InvalidArgument, "SEARCH_QUERY_INVALID"), (tooShort.StatusCode, tooShort.Reason()));
        Assert.Equal(["query"], tooShort.ViolatedFields());
    }

    [Trait("ASVS", "8.2.2")]
    [Fact]
    public async Task TheCeTeam_FindsAndFollowsThePeopleOfItsOwnBusinessOnly()
    {
        var family = $"Okonkwo{Guid.NewGuid():N}"[..16];
        var shelter = await SubmitAsync("Ade", family);
        var hrs = Requests.NewAgencyUser($"ade.hrs.{Guid.NewGuid():N}@lakeview.example.org");
        (hrs.Type, hrs.Users[0].GivenName, hrs.Users[0].FamilyName) = (RequestType.HrsCe1474, "Ade", family);
        hrs.Access.ProjectTypes.Clear();
        hrs.Access.ProjectTypes.Add(ProjectType.CoordinatedEntry1474);
        var ceBusiness = (await service.Client.SubmitAccessRequestAsync(hrs)).AccessRequest;
        var ceTeam = new AccessRequests.AccessRequestsClient(service.ChannelWithToken(
            TestTokens.Person(Guid.NewGuid(), HmisPlatform.BuildingBlocks.Domain.Caller.CeTeamRole, agencyId: null)));

        var found = await SearchAsync(ceTeam, $"ade {family}");
        var byHmisTeam = await SearchAsync(service.HmisTeam, $"ade {family}");
        var followed = new List<string>();
        var page = "";
        do
        {
            var journeys = await ceTeam.ListJourneysAsync(new ListJourneysRequest { PageSize = 100, PageToken = page });
            followed.AddRange(journeys.Journeys.Select(j => j.PersonId));
            page = journeys.NextPageToken;
        }
        while (page.Length > 0);

        Assert.Equal([ceBusiness.Users[0].PersonId], found.People.Select(p => p.PersonId));
        Assert.Equal(2, byHmisTeam.People.Count);
        Assert.Contains(ceBusiness.Users[0].PersonId, followed);
        Assert.DoesNotContain(shelter.Users[0].PersonId, followed);
    }
}
