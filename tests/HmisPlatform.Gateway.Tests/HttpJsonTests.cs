using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using HmisPlatform.Gateway.Extensions;
using HmisPlatform.Gateway.Identity;

namespace HmisPlatform.Gateway.Tests;

/// <summary>What the gateway decides about HTTP/JSON calls before it proxies them, and the API's description.</summary>
public sealed class HttpJsonTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private async Task<HttpClient> LakeviewAsync(string scope = PlatformIdentity.RequestsWrite)
    {
        var http = gateway.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            await gateway.TokenAsync(DemoClients.LakeviewClientId, DemoClients.LakeviewSecret, scope));
        return http;
    }

    private static async Task<(int Code, string Reason)> StatusOf(HttpResponseMessage response)
    {
        var status = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (status["code"]!.GetValue<int>(), status["details"]![0]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Call_WithoutAToken_Is401WithTheSameStatusAsGrpc()
    {
        using var http = gateway.CreateHttpClient();

        using var response = await http.GetAsync($"/v1/people/{Guid.NewGuid()}/journey");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal((16, "TOKEN_MISSING"), await StatusOf(response));
    }

    [Trait("ASVS", "2.2.1")]
    [Fact]
    public async Task Body_WithAFieldTheContractDoesNotHave_IsRefusedBeforeItReachesTheService()
    {
        using var http = await LakeviewAsync();
        var body = new JsonObject
        {
            ["requestId"] = Guid.NewGuid().ToString(),
            ["agencyId"] = DemoClients.LakeviewAgencyId,
            ["status"] = "ACCESS_REQUEST_STATUS_APPROVED",
        };

        using var response = await http.PostAsJsonAsync("/v1/access-requests", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal((3, "MALFORMED_BODY"), await StatusOf(response));
    }

    [Trait("ASVS", "2.2.1")]
    [Theory]
    [InlineData("?pageSize=abc", "pageSize")]
    [InlineData("?page_size=99999999999", "page_size")]
    [InlineData("?statuses=ACCESS_REQUEST_STATUS_SUBMITTED&statuses=BOGUS", "statuses")]
    [InlineData("?type=1.5", "type")]
    [InlineData("?pageSize=5&pageSize=6", "pageSize")]
    [InlineData("?nosuchField=1", "nosuchField")]
    public async Task QueryParameter_ThatIsNotTheContracts_IsAFieldViolationOnIt(string query, string field)
    {
        using var http = await LakeviewAsync(PlatformIdentity.RequestsRead);

        using var response = await http.GetAsync($"/v1/access-requests{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var status = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((3, "INVALID_QUERY_PARAMETER"), (status["code"]!.GetValue<int>(), status["details"]![0]!["reason"]!.GetValue<string>()));
        var violations = status["details"]!.AsArray().Single(d => d!["@type"]!.GetValue<string>().EndsWith("google.rpc.BadRequest", StringComparison.Ordinal))!["fieldViolations"]!.AsArray();
        Assert.Equal([field], violations.Select(v => v!["field"]!.GetValue<string>()));
        Assert.DoesNotContain("abc", status.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryParameters_OfTheContract_GoThrough()
    {
        using var http = await LakeviewAsync(PlatformIdentity.RequestsRead);

        using var response = await http.GetAsync("/v1/access-requests?pageSize=5&statuses=ACCESS_REQUEST_STATUS_SUBMITTED&statuses=ACCESS_REQUEST_STATUS_IN_PROGRESS&type=REQUEST_TYPE_NEW_AGENCY_USERS");

        // Past the contract check, to the service (which does not listen in these tests).
        Assert.NotEqual(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Trait("ASVS", "2.2.1")]
    [Fact]
    public async Task Body_ThatIsNotJson_IsRefused()
    {
        using var http = await LakeviewAsync();

        using var response = await http.PostAsync("/v1/access-requests", new StringContent("{\"requestId\": ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal((3, "MALFORMED_BODY"), await StatusOf(response));
    }

    [Trait("ASVS", "4.1")]
    [Fact]
    public async Task Body_OverTheSizeLimit_IsRefused()
    {
        using var http = await LakeviewAsync();
        var note = new string('x', 1_100_000);

        using var response = await http.PostAsJsonAsync("/v1/access-requests", new JsonObject { ["note"] = note });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal((8, "BODY_TOO_LARGE"), await StatusOf(response));
    }

    [Fact]
    public async Task OpenApiDocument_GeneratedFromTheTranscoding_ListsEveryRoutedRouteWithItsVerbBodyAndToken()
    {
        using var http = gateway.CreateHttpClient();

        var document = (await http.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;

        var paths = document["paths"]!.AsObject();
        var routed = ServiceRoutes.All.Select(r => r.Service).Concat(ProxyExtensions.AdministrationServices).SelectMany(HttpRoute.Of)
            .Select(r => $"{r.Verb.ToLowerInvariant()} {Template(r.Path)}");
        var described = paths.SelectMany(p => p.Value!.AsObject().Select(verb => $"{verb.Key} {Template(p.Key)}"));
        Assert.Equal(routed.Order(), described.Order());
        Assert.NotNull(paths["/v1/access-requests"]!["post"]);
        Assert.NotNull(paths["/v1/access-requests/{accessRequestId}"]!["get"]);
        Assert.NotNull(paths["/v1/access-requests/{accessRequestId}/review"]!["post"]);
        Assert.NotNull(paths["/v1/people/{personId}/journey"]!["get"]);
        Assert.NotNull(paths["/v1/people/{personId}/learning-path"]!["get"]);
        Assert.NotNull(paths["/v1/assignments/{assignmentId}/attempts"]!["post"]);
        Assert.NotNull(paths["/v1/people/{personId}/access"]!["get"]);
        Assert.NotNull(paths["/v1/clients"]!["post"]);
        var body = paths["/v1/access-requests"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>();
        var submit = document["components"]!["schemas"]![body.Split('/')[^1]]!["properties"]!.AsObject();
        Assert.Contains("agencyId", submit.Select(p => p.Key));
        Assert.Contains("users", submit.Select(p => p.Key));
        Assert.Equal("/connect/token", document["components"]!["securitySchemes"]!["oauth2"]!["flows"]!["clientCredentials"]!["tokenUrl"]!.GetValue<string>());
    }

    /// <summary>A path without its variables' names, which the contract writes in snake_case and OpenAPI in camelCase.</summary>
    private static string Template(string path) => System.Text.RegularExpressions.Regex.Replace(path, "{[^}]*}", "{}");

    [Fact]
    public async Task ReferencePage_IsServed()
    {
        using var http = gateway.CreateHttpClient();

        var page = await http.GetStringAsync("/api/index.html");

        Assert.Contains("swagger-ui", page, StringComparison.Ordinal);
    }
}
