using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Aspire.Hosting.Testing;
using Grpc.Core;
using Hmis.Assessment.V1;
using Hmis.Common.V1;
using Hmis.Credentialing.V1;
using Hmis.Gateway.V1;
using Hmis.Requests.V1;
using HmisPlatform.Testing;
using TrainingClient = Hmis.Training.V1.Training.TrainingClient;

namespace HmisPlatform.EndToEnd.Tests;

/// <summary>
/// The front door with the real token server and every service behind it: one agency's system against another
/// agency's data (BOLA), fields an agency may not set, revoked clients, and HTTP/JSON giving what gRPC gives.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SecurityTests(PlatformFixture platform)
{
    private const string LakeviewAgencyId = "0b6f3a51-2d6e-4a4e-9a54-6f0f8d1a0001";
    private const string LakeviewAtaId = "0b6f3a51-2d6e-4a4e-9a54-6f0f8d1a0101";

    private static readonly string[] AgencyScopes =
    [
        PlatformIdentity.RequestsRead, PlatformIdentity.RequestsWrite, PlatformIdentity.TrainingRead,
        PlatformIdentity.AssessmentRead, PlatformIdentity.AssessmentWrite, PlatformIdentity.CredentialsRead, PlatformIdentity.CredentialsWrite,
    ];

    /// <summary>The HMIS team registers another agency's system, which then gets its own token.</summary>
    private async Task<(string ClientId, string Token)> RegisterSouthsideSystemAsync()
    {
        var clients = new Clients.ClientsClient(platform.HmisTeamGateway);
        var registered = await clients.RegisterClientAsync(new RegisterClientRequest
        {
            ClientId = $"southside-{Guid.NewGuid():N}"[..24],
            DisplayName = "Southside case system",
            AgencyId = Demo.SouthsideAgencyId,
            Scopes = { AgencyScopes },
        });
        using var http = platform.App.CreateHttpClient(ResourceNames.Gateway, "http");
        return (registered.Client.ClientId, await GatewayTokens.TokenAsync(http, registered.Client.ClientId, registered.ClientSecret, AgencyScopes));
    }

    private static async Task<(StatusCode Code, string Reason)> RefusalOf(Func<Task> call)
    {
        var error = await RpcErrors.CatchAsync(call);
        return (error.StatusCode, error.Reason());
    }

    [Trait("ASVS", "8.2.1")]
    [Theory]
    [InlineData(ResourceNames.RequestsApi)]
    [InlineData(ResourceNames.TrainingApi)]
    [InlineData(ResourceNames.AssessmentApi)]
    [InlineData(ResourceNames.CredentialingApi)]
    [InlineData(ResourceNames.NotificationsApi)]
    [InlineData(ResourceNames.Gateway)]
    public async Task EachService_ConnectsAsItsOwnRole_WhichIsNoSuperuserAndChangesNoSchema(string service)
    {
        var connectionString = await platform.App.GetConnectionStringAsync($"{service}-db");
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();

        await using var who = new Npgsql.NpgsqlCommand("SELECT current_user, rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user", connection);
        await using (var reader = await who.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync());
            Assert.Equal(service.Replace('-', '_'), reader.GetString(0));
            Assert.False(reader.GetBoolean(1) || reader.GetBoolean(2) || reader.GetBoolean(3));
        }
        await using var ddl = new Npgsql.NpgsqlCommand("CREATE TABLE backdoor (id int)", connection);
        var refused = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => ddl.ExecuteNonQueryAsync());
        Assert.Equal(Npgsql.PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    [Trait("ASVS", "8.2.2")]
    [Fact]
    public async Task AnotherAgencysSystem_GetsOnEveryResourceTypeWhatAnIdThatDoesNotExistGets()
    {
        var lakeview = platform.Driver();
        var request = await lakeview.SubmitAndApproveAsync("Bola", "Probe");
        var personId = request.Users[0].PersonId;
        await lakeview.SignUpTraineeAsync(request.Id, request.Users[0]);
        await lakeview.CompleteTrainingAsync(personId);
        var assignment = await lakeview.AssignmentAsync(personId);
        await lakeview.PassAssignmentAsync(personId);
        var account = await Eventually.ReturnsAsync(
            async () => (await lakeview.Credentials.GetPersonAccessAsync(new GetPersonAccessRequest { PersonId = personId })).Accounts.FirstOrDefault(),
            a => a is not null, TimeSpan.FromSeconds(60));

        var (_, token) = await RegisterSouthsideSystemAsync();
        using var channel = platform.ChannelTo(ResourceNames.Gateway, token);
        var requests = new AccessRequests.AccessRequestsClient(channel);
        var training = new TrainingClient(channel);
        var assessment = new SampleClientAssignments.SampleClientAssignmentsClient(channel);
        var credentials = new Credentials.CredentialsClient(channel);
        var nobody = Guid.NewGuid().ToString();
        var notAvailable = (StatusCode.PermissionDenied, "NOT_AVAILABLE");

        Func<string, Task>[] probes =
        [
            id => requests.GetAccessRequestAsync(new GetAccessRequestRequest { AccessRequestId = id }).ResponseAsync,
            id => requests.GetJourneyAsync(new GetJourneyRequest { PersonId = id }).ResponseAsync,
            id => training.GetLearningPathAsync(new Hmis.Training.V1.GetLearningPathRequest { PersonId = id }).ResponseAsync,
            id => training.RecordCourseProgressAsync(new Hmis.Training.V1.RecordCourseProgressRequest
                { RequestId = Guid.NewGuid().ToString(), PersonId = id, CourseCode = "INTRO", Percent = 100 }).ResponseAsync,
            id => assessment.GetAssignmentAsync(new GetAssignmentRequest { PersonId = id }).ResponseAsync,
            id => assessment.SubmitAttemptAsync(new SubmitAttemptRequest
                { RequestId = Guid.NewGuid().ToString(), AssignmentId = id, Record = new SampleClientRecord { Client = new ClientProfile { FirstName = "X" } } }).ResponseAsync,
            id => credentials.SignEndUserAgreementAsync(new SignEndUserAgreementRequest
                { RequestId = Guid.NewGuid().ToString(), AccountId = id, TypedFullName = "Bola Probe" }).ResponseAsync,
        ];
        string[] theirs = [request.Id, personId, personId, personId, personId, assignment.Id, account!.Id];

        for (var i = 0; i < probes.Length; i++)
        {
            // Course progress is refused to every agency's token for its scope, before any id is looked at.
            var expected = i == 3 ? (StatusCode.PermissionDenied, "SCOPE_MISSING") : notAvailable;
            Assert.Equal(expected, await RefusalOf(() => probes[i](theirs[i])));
            Assert.Equal(expected, await RefusalOf(() => probes[i](nobody)));
        }
        Assert.Empty((await credentials.GetPersonAccessAsync(new GetPersonAccessRequest { PersonId = personId })).Accounts);
        Assert.Empty((await credentials.GetPersonAccessAsync(new GetPersonAccessRequest { PersonId = nobody })).Accounts);

        using var http = platform.App.CreateHttpClient(ResourceNames.Gateway, "http");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var overJson = await http.GetAsync($"/v1/access-requests/{request.Id}");
        using var missingOverJson = await http.GetAsync($"/v1/access-requests/{nobody}");
        Assert.Equal(HttpStatusCode.Forbidden, overJson.StatusCode);
        Assert.Equal(await missingOverJson.Content.ReadAsStringAsync(), await overJson.Content.ReadAsStringAsync());

        // Nothing the other agency tried changed the person's data.
        var after = (await lakeview.Credentials.GetPersonAccessAsync(new GetPersonAccessRequest { PersonId = personId })).Accounts.Single();
        Assert.Equal(AccountStatus.PendingAgreement, after.Status);
        Assert.Single((await lakeview.AssignmentAsync(personId)).Attempts);
    }

    [Trait("ASVS", "2.3.1")]
    [Trait("ASVS", "8.2.1")]
    [Fact]
    public async Task AnAgencysOwnToken_DoesNoneOfAPersonsSteps_ThroughTheGateway()
    {
        var lakeview = platform.Driver();
        var request = await lakeview.SubmitAndApproveAsync("Kai", "Ownership");
        var personId = request.Users[0].PersonId;
        await lakeview.SignUpTraineeAsync(request.Id, request.Users[0]);
        var path = await lakeview.LearningPathAsync(personId);

        // The agency's own system may not report progress: it lacks the scope and cannot get it.
        Assert.Equal((StatusCode.PermissionDenied, "SCOPE_MISSING"), await RefusalOf(() => lakeview.Training.RecordCourseProgressAsync(new Hmis.Training.V1.RecordCourseProgressRequest
        {
            RequestId = Guid.NewGuid().ToString(), PersonId = personId, CourseCode = path.Courses[0].CourseCode, Percent = 100,
        }).ResponseAsync));
        using var http = platform.App.CreateHttpClient(ResourceNames.Gateway, "http");
        using var asked = await GatewayTokens.RequestAsync(http, GatewayTokens.DemoClientId, GatewayTokens.DemoClientSecret, [PlatformIdentity.TrainingProgressWrite]);
        Assert.Equal(HttpStatusCode.BadRequest, asked.StatusCode);

        // Nor submit the trainee's record, nor sign their agreement: only the trainee, signed in, does.
        await lakeview.CompleteTrainingAsync(personId);
        var assignment = await lakeview.AssignmentAsync(personId);
        var model = (await lakeview.StaffAssessment.GetModelRecordAsync(new GetModelRecordRequest { AssignmentId = assignment.Id })).Record;
        Assert.Equal((StatusCode.PermissionDenied, "ONLY_THE_TRAINEE"), await RefusalOf(() => lakeview.Assessment.SubmitAttemptAsync(new SubmitAttemptRequest
        {
            RequestId = Guid.NewGuid().ToString(), AssignmentId = assignment.Id, Record = model,
        }).ResponseAsync));
        await lakeview.PassAssignmentAsync(personId);
        var pending = await Eventually.ReturnsAsync(
            async () => (await lakeview.Credentials.GetPersonAccessAsync(new GetPersonAccessRequest { PersonId = personId })).Accounts.FirstOrDefault(),
            a => a is not null, TimeSpan.FromSeconds(60));
        Assert.Equal((StatusCode.PermissionDenied, "ONLY_THE_USER_SIGNS"), await RefusalOf(() => lakeview.Credentials.SignEndUserAgreementAsync(new SignEndUserAgreementRequest
        {
            RequestId = Guid.NewGuid().ToString(), AccountId = pending!.Id, TypedFullName = "Kai Ownership",
        }).ResponseAsync));
        Assert.Equal(AccountStatus.PendingConfirmation, (await lakeview.SignAgreementAsync(personId, "Kai Ownership")).Status);
    }

    [Trait("ASVS", "8.2.3")]
    [Fact]
    public async Task AnAgencySystem_CannotSetWhatOnlyTheHmisTeamOrAnotherAgencySets()
    {
        var lakeview = platform.Driver();
        var submitted = (await lakeview.Requests.SubmitAccessRequestAsync(Submission("mass.assignment@lakeview.example.org"))).AccessRequest;

        // The review outcome is the HMIS team's: the agency's token does not carry the scope, nor can it get it.
        Assert.Equal((StatusCode.PermissionDenied, "SCOPE_MISSING"), await RefusalOf(() => lakeview.Requests.ReviewAccessRequestAsync(new ReviewAccessRequestRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            AccessRequestId = submitted.Id,
            Outcome = ReviewOutcome.ConfirmEnrolments,
        }).ResponseAsync));
        using var http = platform.App.CreateHttpClient(ResourceNames.Gateway, "http");
        using var reviewToken = await GatewayTokens.RequestAsync(http, GatewayTokens.DemoClientId, GatewayTokens.DemoClientSecret, [PlatformIdentity.RequestsReview]);
        Assert.Equal(HttpStatusCode.BadRequest, reviewToken.StatusCode);

        // The agency a request is for must be the caller's own.
        var forSouthside = Submission("someone@southside.example.org");
        forSouthside.AgencyId = Demo.SouthsideAgencyId;
        Assert.Equal((StatusCode.PermissionDenied, "AGENCY_NOT_PERMITTED"), await RefusalOf(() => lakeview.Requests.SubmitAccessRequestAsync(forSouthside).ResponseAsync));

        // Over HTTP/JSON, a status in the body is refused rather than dropped; the same request without it is accepted as SUBMITTED.
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", platform.AccessToken);
        var body = JsonBody("status.probe@lakeview.example.org");
        body["status"] = "ACCESS_REQUEST_STATUS_APPROVED";
        using var refused = await http.PostAsJsonAsync("/v1/access-requests", body);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        body.Remove("status");
        using var accepted = await http.PostAsJsonAsync("/v1/access-requests", body);
        var stored = (await accepted.Content.ReadFromJsonAsync<JsonObject>())!["accessRequest"]!;
        Assert.Equal("ACCESS_REQUEST_STATUS_SUBMITTED", stored["status"]!.GetValue<string>());
        Assert.Equal(AccessRequestStatus.Submitted, (await lakeview.Requests.GetAccessRequestAsync(new GetAccessRequestRequest { AccessRequestId = submitted.Id })).AccessRequest.Status);
    }

    [Trait("ASVS", "9.2")]
    [Fact]
    public async Task RevokedClient_IsRefusedByTheGatewayAndByTheServicesFromItsNextCallOn()
    {
        var (clientId, token) = await RegisterSouthsideSystemAsync();
        var southside = new AccessRequests.AccessRequestsClient(platform.ChannelTo(ResourceNames.Gateway, token));
        var probe = new GetJourneyRequest { PersonId = Guid.NewGuid().ToString() };
        Assert.Equal(StatusCode.PermissionDenied, (await RefusalOf(() => southside.GetJourneyAsync(probe).ResponseAsync)).Code);

        await new Clients.ClientsClient(platform.HmisTeamGateway).RevokeClientAsync(new RevokeClientRequest { ClientId = clientId, Reason = "Contract ended" });

        Assert.Equal((StatusCode.Unauthenticated, "TOKEN_REVOKED"), await RefusalOf(() => southside.GetJourneyAsync(probe).ResponseAsync));
        // Reached directly, around the gateway, the service refuses the same token.
        var direct = new AccessRequests.AccessRequestsClient(platform.ChannelTo(ResourceNames.RequestsApi, token));
        Assert.Equal((StatusCode.Unauthenticated, "TOKEN_REVOKED"), await Eventually.ReturnsAsync(
            () => RefusalOf(() => direct.GetJourneyAsync(probe).ResponseAsync), refusal => refusal.Item1 == StatusCode.Unauthenticated));
    }

    [Fact]
    public async Task HttpJson_SubmitsReadsAndFollowsTheJourney()
    {
        using var http = platform.App.CreateHttpClient(ResourceNames.Gateway, "http");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", platform.AccessToken);

        using var submitted = await http.PostAsJsonAsync("/v1/access-requests", JsonBody("jo.rest@lakeview.example.org"));
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var request = (await submitted.Content.ReadFromJsonAsync<JsonObject>())!["accessRequest"]!;
        var id = request["id"]!.GetValue<string>();
        var personId = request["users"]![0]!["personId"]!.GetValue<string>();

        var read = (await http.GetFromJsonAsync<JsonObject>($"/v1/access-requests/{id}"))!["accessRequest"]!;
        var journey = (await http.GetFromJsonAsync<JsonObject>($"/v1/people/{personId}/journey"))!["journey"]!;

        Assert.Equal("jo.rest@lakeview.example.org", read["users"]![0]!["email"]!.GetValue<string>());
        Assert.Equal(id, journey["accessRequestId"]!.GetValue<string>());
        Assert.Equal("JOURNEY_STAGE_REQUEST", journey["currentStage"]!.GetValue<string>());
    }

    [Trait("ASVS", "4.1.3")]
    [Fact]
    public async Task HttpJson_RefusesWithTheSameStatusReasonAndFieldsAsGrpc()
    {
        var grpc = await RpcErrors.CatchAsync(() => new AccessRequests.AccessRequestsClient(platform.Gateway)
            .SubmitAccessRequestAsync(Submission("jo@elsewhere.example.com")).ResponseAsync);
        using var http = platform.App.CreateHttpClient(ResourceNames.Gateway, "http");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", platform.AccessToken);

        using var response = await http.PostAsJsonAsync("/v1/access-requests", JsonBody("jo@elsewhere.example.com"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var status = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((int)grpc.StatusCode, status["code"]!.GetValue<int>());
        var details = status["details"]!.AsArray();
        Assert.Equal(grpc.Reason(), details.Single(d => d!["@type"]!.GetValue<string>().EndsWith("ErrorInfo", StringComparison.Ordinal))!["reason"]!.GetValue<string>());
        Assert.Equal(grpc.ViolatedFields(), details.Single(d => d!["@type"]!.GetValue<string>().EndsWith("BadRequest", StringComparison.Ordinal))!["fieldViolations"]!
            .AsArray().Select(v => v!["field"]!.GetValue<string>()));
    }

    private static SubmitAccessRequestRequest Submission(string email) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        Type = RequestType.NewAgencyUsers,
        AgencyId = LakeviewAgencyId,
        AtaId = LakeviewAtaId,
        Users = { new NewUser { GivenName = "Jo", FamilyName = "Probe", Email = email } },
        Access = new Access { Responsibilities = { Responsibility.Reporting }, ProjectTypes = { ProjectType.ServicesOnly } },
    };

    private static JsonObject JsonBody(string email) => new()
    {
        ["requestId"] = Guid.NewGuid().ToString(),
        ["type"] = "REQUEST_TYPE_NEW_AGENCY_USERS",
        ["agencyId"] = LakeviewAgencyId,
        ["ataId"] = LakeviewAtaId,
        ["users"] = new JsonArray(new JsonObject { ["givenName"] = "Jo", ["familyName"] = "Rest", ["email"] = email }),
        ["access"] = new JsonObject
        {
            ["responsibilities"] = new JsonArray("RESPONSIBILITY_REPORTING"),
            ["projectTypes"] = new JsonArray("PROJECT_TYPE_SERVICES_ONLY"),
        },
    };

    [Fact]
    public async Task SignedInAta_ReachesTheServicesWithAPersonTokenOfTheirOwn()
    {
        using var browser = new StaffBrowser(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = platform.App.GetEndpoint(ResourceNames.Gateway, "http"),
        });
        using var signedIn = await browser.SignInAsync("alex.rivera@lakeview.example.org", "Demo-access-2026");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        await browser.SendAntiforgeryTokenAsync();

        using var submitted = await browser.Http.PostAsJsonAsync("/v1/access-requests", JsonBody("ata.session@lakeview.example.org"));
        var request = (await submitted.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);

        // The service saw the ATA's agency in the person token: another agency's data stays out of reach.
        var forSouthside = JsonBody("someone@southside.example.org");
        forSouthside["agencyId"] = Demo.SouthsideAgencyId;
        using var refused = await browser.Http.PostAsJsonAsync("/v1/access-requests", forSouthside);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("AGENCY_NOT_PERMITTED", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("ACCESS_REQUEST_STATUS_SUBMITTED", request["accessRequest"]!["status"]!.GetValue<string>());
    }
}
