using System.Diagnostics;
using Aspire.Hosting.Testing;
using Grpc.Core;
using Hmis.Requests.V1;
using HmisPlatform.Testing;

namespace HmisPlatform.EndToEnd.Tests;

/// <summary>The gateway as a client nobody here wrote sees it: buf curl, with nothing but the gateway's address.</summary>
[Collection(PlatformCollection.Name)]
public sealed class GatewayTests(PlatformFixture platform)
{
    private static readonly string[] PublicMethods =
    [
        "hmis.requests.v1.AccessRequests/SubmitAccessRequest",
        "hmis.requests.v1.AccessRequests/GetAccessRequest",
        "hmis.requests.v1.AccessRequests/ReviewAccessRequest",
        "hmis.requests.v1.AccessRequests/GetJourney",
        "hmis.requests.v1.AccessRequests/ListAccessRequests",
        "hmis.requests.v1.AccessRequests/CeDecideAccessRequest",
        "hmis.requests.v1.Agencies/ListAgencies",
        "hmis.training.v1.Training/GetLearningPath",
        "hmis.training.v1.Training/RecordCourseProgress",
        "hmis.assessment.v1.SampleClientAssignments/GetAssignment",
        "hmis.assessment.v1.SampleClientAssignments/SubmitAttempt",
        "hmis.credentialing.v1.Credentials/GetPersonAccess",
        "hmis.credentialing.v1.Credentials/SignEndUserAgreement",
    ];

    private string GatewayGrpc => platform.App.GetEndpoint(ResourceNames.Gateway, ResourceNames.GrpcEndpoint).ToString().TrimEnd('/');

    [Fact]
    public async Task BufCurl_ListsEveryServicesMethodsThroughTheGateway()
    {
        var listed = await BufCurlAsync("--list-methods", GatewayGrpc);

        Assert.All(PublicMethods, method => Assert.Contains(method, listed, StringComparison.Ordinal));
    }

    [Trait("ASVS", "4.4")]
    [Fact]
    public async Task Reflection_DoesNotDescribeTheAdministrationApis_WhichBufCallsFromTheRepositorysContracts()
    {
        var listed = await BufCurlAsync("--list-methods", GatewayGrpc);
        var clock = await BufCurlAsync("--schema", RepositoryPaths.Root, "-H", $"Authorization: Bearer {platform.HmisTeamToken}",
            $"{GatewayGrpc}/hmis.gateway.v1.TestClock/GetTestClock");

        Assert.DoesNotContain("hmis.gateway.v1.Clients/", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("hmis.gateway.v1.StaffAccounts/", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("hmis.gateway.v1.TestClock/", listed, StringComparison.Ordinal);
        Assert.Contains("\"now\"", clock, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agencies_AreReachedThroughTheGateway_WithTheirApaStatus()
    {
        var agencies = (await new Agencies.AgenciesClient(platform.HmisTeamGateway).ListAgenciesAsync(new ListAgenciesRequest())).Agencies;

        Assert.True(agencies.Single(a => a.Name == "Lakeview Family Services").ApaCurrent);
        Assert.False(agencies.Single(a => a.Name.StartsWith("Westside", StringComparison.Ordinal)).ApaCurrent);
        Assert.Contains(agencies.Single(a => a.Name.StartsWith("Westside", StringComparison.Ordinal)).Administrators, a => a.Compliance == AtaCompliance.Overdue);
    }

    [Fact]
    public async Task Gateway_CallWithoutAToken_IsUnauthenticated()
    {
        var client = new AccessRequests.AccessRequestsClient(platform.ChannelTo(ResourceNames.Gateway, token: null));

        var error = await Assert.ThrowsAsync<RpcException>(() => client.GetJourneyAsync(new GetJourneyRequest { PersonId = Guid.NewGuid().ToString() }).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal("TOKEN_MISSING", error.Reason());
    }

    [Fact]
    public async Task Service_ReachedDirectlyWithoutAToken_IsUnauthenticated()
    {
        var client = new AccessRequests.AccessRequestsClient(platform.ChannelTo(ResourceNames.RequestsApi, token: null));

        var error = await Assert.ThrowsAsync<RpcException>(() => client.GetJourneyAsync(new GetJourneyRequest { PersonId = Guid.NewGuid().ToString() }).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task Service_ReachedDirectlyWithTheGatewaysToken_ValidatesItAgainstThePublishedKeys()
    {
        var client = new AccessRequests.AccessRequestsClient(platform.ChannelTo(ResourceNames.RequestsApi, platform.HmisTeamToken));

        var error = await Assert.ThrowsAsync<RpcException>(() => client.GetJourneyAsync(new GetJourneyRequest { PersonId = Guid.NewGuid().ToString() }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task TokenEndpoint_WrongSecret_IssuesNothing()
    {
        using var http = platform.App.CreateHttpClient(ResourceNames.Gateway, "http");

        using var response = await GatewayTokens.RequestAsync(http, GatewayTokens.DemoClientId, "wrong-secret", [PlatformIdentity.RequestsRead]);

        Assert.False(response.IsSuccessStatusCode);
        Assert.Contains("invalid_client", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DiscoveryDocument_PublishesTheTokenEndpointAndKeys()
    {
        using var http = platform.App.CreateHttpClient(ResourceNames.Gateway, "http");

        var discovery = await http.GetStringAsync("/.well-known/openid-configuration");

        Assert.Contains("/connect/token", discovery, StringComparison.Ordinal);
        Assert.Contains("jwks_uri", discovery, StringComparison.Ordinal);
        Assert.Contains("client_credentials", discovery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BufCurl_SubmitsARequestAndReadsItBackThroughTheGatewayByReflection()
    {
        var body = $$$"""
            {"request_id":"{{{Guid.NewGuid()}}}","type":"REQUEST_TYPE_NEW_AGENCY_USERS",
             "agency_id":"0b6f3a51-2d6e-4a4e-9a54-6f0f8d1a0001","ata_id":"0b6f3a51-2d6e-4a4e-9a54-6f0f8d1a0101",
             "users":[{"given_name":"Casey","family_name":"Buf","email":"casey.buf@lakeview.example.org"}],
             "access":{"responsibilities":["RESPONSIBILITY_REPORTING"],"project_types":["PROJECT_TYPE_SERVICES_ONLY"]}}
            """;
        string[] authorization = ["-H", $"Authorization: Bearer {platform.AccessToken}"];

        var answer = await BufCurlAsync([.. authorization, "-d", body, $"{GatewayGrpc}/hmis.requests.v1.AccessRequests/SubmitAccessRequest"]);
        var id = System.Text.Json.JsonDocument.Parse(answer).RootElement.GetProperty("accessRequest").GetProperty("id").GetString();
        var readBack = await BufCurlAsync([.. authorization, "-d", $$"""{"access_request_id":"{{id}}"}""", $"{GatewayGrpc}/hmis.requests.v1.AccessRequests/GetAccessRequest"]);

        Assert.Contains("ACCESS_REQUEST_STATUS_SUBMITTED", readBack, StringComparison.Ordinal);
        Assert.Contains("casey.buf@lakeview.example.org", readBack, StringComparison.Ordinal);
        Assert.Contains(id!, readBack, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gateway_ServesTheWebPageOverHttp()
    {
        using var http = platform.App.CreateHttpClient(ResourceNames.Gateway, "http");

        var page = await http.GetStringAsync("/");

        Assert.Contains("<title>HmisPlatform</title>", page, StringComparison.Ordinal);
        Assert.Contains("_framework/blazor.web.js", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DashboardCommand_ReseedsTheDemoData()
    {
        var result = await platform.App.ResourceCommands.ExecuteCommandAsync(ResourceNames.RequestsApi, ResourceNames.ReseedDemoDataCommand);

        Assert.True(result.Success, result.Message);
    }

    private static async Task<string> BufCurlAsync(params string[] arguments)
    {
        var buf = Path.Combine(RepositoryPaths.Root, ".tools", "node_modules", ".bin", "buf");
        Assert.True(File.Exists(buf), $"buf is installed by './platform.sh setup' at {buf}");
        var start = new ProcessStartInfo(buf) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["curl", "--protocol", "grpc", "--http2-prior-knowledge", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(process.ExitCode == 0, await error);
        return await output;
    }
}
