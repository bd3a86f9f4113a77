using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hmis.Requests.V1;
using HmisPlatform.Requests.Infrastructure;
using HmisPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Requests.Tests.Api;

/// <summary>The same RPCs over HTTP/JSON, for agency systems that do not speak gRPC: same rules, same errors.</summary>
public sealed class HttpJsonTests(RequestsFixture service) : IClassFixture<RequestsFixture>
{
    private static JsonObject Submission(string email) => new()
    {
        ["requestId"] = Guid.NewGuid().ToString(),
        ["type"] = "REQUEST_TYPE_NEW_AGENCY_USERS",
        ["agencyId"] = DemoData.LakeviewAgencyId.ToString(),
        ["ataId"] = DemoData.LakeviewAtaId.ToString(),
        ["users"] = new JsonArray(new JsonObject { ["givenName"] = "Jo", ["familyName"] = "Json", ["email"] = email }),
        ["access"] = new JsonObject
        {
            ["responsibilities"] = new JsonArray("RESPONSIBILITY_ENTER_CLIENT_DATA"),
            ["projectTypes"] = new JsonArray("PROJECT_TYPE_EMERGENCY_SHELTER"),
        },
    };

    [Fact]
    public async Task Submit_Get_AndJourney_OverHttpJson()
    {
        using var http = service.HttpClientWithToken(TestTokens.Issue());

        using var submitted = await http.PostAsJsonAsync("/v1/access-requests", Submission("jo.json@lakeview.example.org"));
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var request = (await submitted.Content.ReadFromJsonAsync<JsonObject>())!["accessRequest"]!;
        var id = request["id"]!.GetValue<string>();
        var personId = request["users"]![0]!["personId"]!.GetValue<string>();

        var read = await http.GetFromJsonAsync<JsonObject>($"/v1/access-requests/{id}");
        var journey = await http.GetFromJsonAsync<JsonObject>($"/v1/people/{personId}/journey");

        Assert.Equal("ACCESS_REQUEST_STATUS_SUBMITTED", read!["accessRequest"]!["status"]!.GetValue<string>());
        Assert.Equal(id, journey!["journey"]!["accessRequestId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Submit_WithAnEmailOutsideTheAgency_Is400WithTheSameReasonAndFieldAsGrpc()
    {
        using var http = service.HttpClientWithToken(TestTokens.Issue());

        using var response = await http.PostAsJsonAsync("/v1/access-requests", Submission("jo@elsewhere.example.com"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var status = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(3, status["code"]!.GetValue<int>());
        var details = status["details"]!.AsArray();
        Assert.Contains(details, d => d!["@type"]!.GetValue<string>().EndsWith("google.rpc.ErrorInfo", StringComparison.Ordinal)
            && d["reason"]!.GetValue<string>() == HmisPlatform.Requests.Domain.AccessRequests.Submission.EmailNotAgencyDomainReason && d["domain"]!.GetValue<string>() == "hmis.requests");
        Assert.Contains(details, d => d!["@type"]!.GetValue<string>().EndsWith("google.rpc.BadRequest", StringComparison.Ordinal)
            && d["fieldViolations"]![0]!["field"]!.GetValue<string>() == "users[0].email");
    }

    [Fact]
    public async Task Submit_SettingAFieldOnlyTheServiceSets_DoesNotSetIt()
    {
        using var http = service.HttpClientWithToken(TestTokens.Issue());
        var body = Submission("mass.assignment@lakeview.example.org");
        body["status"] = "ACCESS_REQUEST_STATUS_APPROVED";

        using var response = await http.PostAsJsonAsync("/v1/access-requests", body);

        // The contract has no such field: the gateway refuses it (see the gateway's tests); the service never applies it.
        var stored = await service.QueryAsync(db => db.AccessRequests.SingleAsync(r => r.Users.Any(u => u.Email == "mass.assignment@lakeview.example.org")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(global::HmisPlatform.Requests.Domain.AccessRequests.AccessRequestStatus.Submitted, stored.Status);
    }

    [Fact]
    public async Task Get_WithoutAToken_Is401WithTheReasonAsInGrpc()
    {
        using var http = service.HttpClientWithToken(null);

        using var response = await http.GetAsync($"/v1/access-requests/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var status = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(16, status["code"]!.GetValue<int>());
        Assert.Equal("TOKEN_MISSING", status["details"]![0]!["reason"]!.GetValue<string>());
    }
}
