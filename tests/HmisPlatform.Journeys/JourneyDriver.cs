using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grpc.Core;
using Grpc.Net.Client;
using Hmis.Assessment.V1;
using Hmis.Common.V1;
using Hmis.Credentialing.V1;
using Hmis.Requests.V1;
using HmisPlatform.Testing;
using TrainingClient = Hmis.Training.V1.Training.TrainingClient;

namespace HmisPlatform.Journeys;

/// <summary>
/// Takes one new user through the four steps, calling only the gateway, each step as the one it belongs to: the
/// agency's system submits, the HMIS team's review desk reviews, the LMS reports progress, the trainee (signed in,
/// through the agency's system with their consent) does the assignment and signs, and the ATA confirms.
/// </summary>
/// <remarks>
/// With <paramref name="retryWhenUnavailable"/>, the driver's own connections (the people's browsers and the trainee's
/// channel) send a call again when told UNAVAILABLE or 503, as <see cref="RetryingCalls"/> describes; the channels it is
/// given should then retry too. <paramref name="transport"/> makes the connections the driver opens itself (a deployment
/// whose certificates chain to its own CA trusts that CA there); a plain <see cref="SocketsHttpHandler"/> by default.
/// </remarks>
public sealed class JourneyDriver(
    GrpcChannel gateway, GrpcChannel hmisTeamGateway, GrpcChannel lmsGateway, Uri gatewayHttp, Uri gatewayGrpc, JourneyMail mail,
    bool retryWhenUnavailable = false, Func<SocketsHttpHandler>? transport = null)
{
    private readonly Func<SocketsHttpHandler> _transport = transport ?? (() => new SocketsHttpHandler());

    // The demo ATA of Lakeview (services/Gateway/Staff/DemoStaff.cs, listed in the README).
    private const string LakeviewAtaEmail = "alex.rivera@lakeview.example.org";
    private const string DemoPassword = "Demo-access-2026";

    // The demo data every Development run seeds (services/Requests/Infrastructure/DemoData.cs).
    public const string LakeviewAgencyId = "0b6f3a51-2d6e-4a4e-9a54-6f0f8d1a0001";
    public const string LakeviewAtaId = "0b6f3a51-2d6e-4a4e-9a54-6f0f8d1a0101";

    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(60);

    public AccessRequests.AccessRequestsClient Requests { get; } = new(gateway);

    public AccessRequests.AccessRequestsClient ReviewDesk { get; } = new(hmisTeamGateway);

    public TrainingClient Training { get; } = new(gateway);

    /// <summary>The LMS's own integration: the one source of course progress besides the HMIS team.</summary>
    public TrainingClient Lms { get; } = new(lmsGateway);

    private readonly Dictionary<string, GrpcChannel> _trainees = [];

    public SampleClientAssignments.SampleClientAssignmentsClient Assessment { get; } = new(gateway);

    public SampleClientAssignments.SampleClientAssignmentsClient StaffAssessment { get; } = new(hmisTeamGateway);

    public TrainingClient StaffTraining { get; } = new(hmisTeamGateway);

    public Credentials.CredentialsClient Credentials { get; } = new(gateway);

    public async Task<Hmis.Requests.V1.AccessRequest> SubmitAndApproveAsync(string givenName, string familyName)
    {
        var submitted = await SubmitAsync(givenName, familyName);
        var confirmed = await ReviewAsync(submitted, ReviewOutcome.ConfirmCreditUse);
        var reviewed = await ReviewAsync(confirmed, ReviewOutcome.ConfirmEnrolments);
        Assert.Equal(AccessRequestStatus.InProgress, reviewed.Status);
        return reviewed;
    }

    /// <summary>Lakeview's system asks for one new user, who goes to the HMIS team's queue.</summary>
    public async Task<Hmis.Requests.V1.AccessRequest> SubmitAsync(string givenName, string familyName)
    {
        var submitted = (await Requests.SubmitAccessRequestAsync(new SubmitAccessRequestRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Type = RequestType.NewAgencyUsers,
            AgencyId = LakeviewAgencyId,
            AtaId = LakeviewAtaId,
            Users = { new NewUser { GivenName = givenName, FamilyName = familyName, Email = $"{givenName}.{familyName}@lakeview.example.org".ToLowerInvariant() } },
            Access = new Access { Responsibilities = { Responsibility.EnterClientData }, ProjectTypes = { ProjectType.EmergencyShelter } },
        })).AccessRequest;
        Assert.Equal(AccessRequestStatus.Submitted, submitted.Status);
        return submitted;
    }

    /// <summary>
    /// One new user from request to live account, every step as its owner: submitted and reviewed, signed up, trained
    /// (as the LMS reports), the assignment passed, the agreement signed, and confirmed by the signed-in ATA. A failure
    /// names the step it happened in (<see cref="JourneyStepFailed"/>).
    /// </summary>
    public async Task<Account> WholeJourneyAsync(string givenName, string familyName, StaffBrowser ata)
    {
        var step = "submit and review";
        try
        {
            var request = await SubmitAndApproveAsync(givenName, familyName);
            var person = request.Users[0];
            step = "trainee signs up";
            await SignUpTraineeAsync(request.Id, person);
            step = "LMS reports the courses";
            await CompleteTrainingAsync(person.PersonId);
            step = "trainee passes the assignment";
            await PassAssignmentAsync(person.PersonId);
            step = "trainee signs the agreement";
            var signed = await SignAgreementAsync(person.PersonId, $"{givenName} {familyName}");
            step = "ATA confirms";
            return await ConfirmAgreementAsAtaAsync(signed.Id, ata);
        }
        catch (Exception ex) when (ex is not JourneyStepFailed)
        {
            throw new JourneyStepFailed(step, ex);
        }
    }

    /// <summary>One HMIS team decision on the request as last read, with its etag.</summary>
    public async Task<Hmis.Requests.V1.AccessRequest> ReviewAsync(Hmis.Requests.V1.AccessRequest request, ReviewOutcome outcome, string reason = "") =>
        (await ReviewDesk.ReviewAccessRequestAsync(new ReviewAccessRequestRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            AccessRequestId = request.Id,
            Outcome = outcome,
            Reason = reason,
            Etag = request.Etag,
        })).AccessRequest;

    public Task<Hmis.Training.V1.LearningPath> LearningPathAsync(string personId) =>
        UntilFoundAsync(async () => (await Training.GetLearningPathAsync(new Hmis.Training.V1.GetLearningPathRequest { PersonId = personId })).LearningPath);

    public async Task CompleteTrainingAsync(string personId)
    {
        var path = await LearningPathAsync(personId);
        foreach (var course in path.Courses)
        {
            await Lms.RecordCourseProgressAsync(new Hmis.Training.V1.RecordCourseProgressRequest
            {
                RequestId = Guid.NewGuid().ToString(),
                PersonId = personId,
                CourseCode = course.CourseCode,
                Percent = 100,
            });
        }
    }

    public Task<Assignment> AssignmentAsync(string personId, TimeSpan? timeout = null) =>
        UntilFoundAsync(async () => (await Assessment.GetAssignmentAsync(new GetAssignmentRequest { PersonId = personId })).Assignment, timeout);

    /// <summary>
    /// The trainee enters the record a careful trainee would: the model answer of their variant, which the HMIS team's
    /// desk reads; the real grader passes it.
    /// </summary>
    public async Task PassAssignmentAsync(string personId)
    {
        var trainee = new SampleClientAssignments.SampleClientAssignmentsClient(Trainee(personId));
        var assignment = await UntilFoundAsync(async () => (await trainee.GetAssignmentAsync(new GetAssignmentRequest { PersonId = personId })).Assignment);
        var model = (await StaffAssessment.GetModelRecordAsync(new GetModelRecordRequest { AssignmentId = assignment.Id })).Record;
        var result = await SubmitAttemptAsync(personId, assignment.Id, model);
        Assert.Empty(result.Attempt.Findings);
        Assert.Equal(AttemptOutcome.Passed, result.Attempt.Outcome);
    }

    /// <summary>The trainee submits a record of their assignment, as themselves.</summary>
    public async Task<SubmitAttemptResponse> SubmitAttemptAsync(string personId, string assignmentId, SampleClientRecord record) =>
        await new SampleClientAssignments.SampleClientAssignmentsClient(Trainee(personId)).SubmitAttemptAsync(new SubmitAttemptRequest
        {
            RequestId = Guid.NewGuid().ToString(), AssignmentId = assignmentId, Record = record,
        });

    public async Task<Account> SignAgreementAsync(string personId, string fullName)
    {
        var pending = await Eventually.ReturnsAsync(
            async () => (await Credentials.GetPersonAccessAsync(new GetPersonAccessRequest { PersonId = personId })).Accounts.FirstOrDefault(),
            a => a is not null, StepTimeout) ?? throw new InvalidOperationException();
        Assert.Equal(AccountStatus.PendingAgreement, pending.Status);
        return (await new Credentials.CredentialsClient(Trainee(personId)).SignEndUserAgreementAsync(new SignEndUserAgreementRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            AccountId = pending.Id,
            TypedFullName = fullName,
        })).Account;
    }

    /// <summary>
    /// The ATA, signed in at the gateway as a person, confirms receipt of the signed agreement over HTTP/JSON with the
    /// page's antiforgery token: the gateway forwards the call with the ATA's own person token. A signed-in ATA
    /// (<see cref="SignInAtaAsync"/>) may confirm many; without one, the ATA signs in for this one.
    /// </summary>
    public async Task<Account> ConfirmAgreementAsAtaAsync(string accountId, StaffBrowser? signedInAta = null)
    {
        using var own = signedInAta is null ? await SignInAtaAsync() : null;
        var ata = signedInAta ?? own!;
        using var confirmed = await ata.Http.PostAsJsonAsync($"/v1/accounts/{accountId}/agreement-confirmation",
            new JsonObject { ["requestId"] = Guid.NewGuid().ToString() });
        var body = await confirmed.Content.ReadAsStringAsync();
        Assert.True(confirmed.IsSuccessStatusCode, $"HTTP {(int)confirmed.StatusCode}: {body}");
        return Account.Parser.WithDiscardUnknownFields(true).ParseJson(JsonNode.Parse(body)!["account"]!.ToJsonString());
    }

    /// <summary>
    /// Lakeview's demo ATA, signed in (with their second factor when <see cref="Authenticators"/> knows it) and ready
    /// for API calls. The ATA keeps their session open on each platform, as a person keeps their browser signed in: each
    /// authenticator code works once, so signing in afresh for every journey made them wait for the next 30-second step.
    /// A session that has ended (the ATA signed in elsewhere since) is noticed, and they sign in afresh.
    /// </summary>
    public async Task<StaffBrowser> SignInAtaAsync()
    {
        if (AtaSessions.TryGetValue(gatewayHttp, out var session))
        {
            var resumed = NewBrowser(session);
            if (await resumed.IsSignedInAsync())
            {
                await resumed.SendAntiforgeryTokenAsync();
                return resumed;
            }
            resumed.Dispose();
        }
        var cookies = new System.Net.CookieContainer();
        var ata = NewBrowser(cookies);
        using var signedIn = await ata.SignInAsync(LakeviewAtaEmail, DemoPassword);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signedIn.StatusCode);
        await ata.SendAntiforgeryTokenAsync();
        AtaSessions[gatewayHttp] = cookies;
        return ata;
    }

    /// <summary>The demo ATA's open session on each platform, by the gateway's address.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Uri, System.Net.CookieContainer> AtaSessions = new();

    /// <summary>The demo ATAs' and Supervisor's authenticator keys, as the README publishes them for the demo.</summary>
    public static readonly IReadOnlyDictionary<string, string> DemoAuthenticators = new Dictionary<string, string>
    {
        ["alex.rivera@lakeview.example.org"] = "LAKEVIEWATAKEY2LAKEVIEWATAKEY2AA",
        ["jordan.lee@southside.example.org"] = "SOUTHSIDEATAKEY2SOUTHSIDEATAKEY2",
        ["morgan.ellis@lakeview.example.org"] = "LAKEVIEWSUPERVISORKEY2LAKEVIEWSU",
    };

    /// <summary>The CE coordinator of the demo, signed in with their second factor, for the CE team's own calls over HTTP/JSON.</summary>
    public async Task<StaffBrowser> CeTeamAsync()
    {
        var browser = NewBrowser();
        await browser.SignInAsync("ce.coordinator@hmis.example.org", DemoPassword);
        using var verified = await browser.PostFormAsync("/account/sign-in/two-factor", ("code", await Authenticators.NextCodeAsync("HMISDEMOCETEAMKEY2HMISDEMOCETEAM")));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, verified.StatusCode);
        await browser.SendAntiforgeryTokenAsync();
        return browser;
    }

    /// <summary>
    /// The trainee gets their sign-in (the link in their approval e-mail, where they set their password), signs in, and
    /// lets the agency's case system act for them (authorization code with PKCE): their own steps then go through it as them.
    /// </summary>
    public async Task SignUpTraineeAsync(string accessRequestId, RequestedUser user)
    {
        var invitationPath = await mail.SignInPathAsync(user.Email, accessRequestId)
            ?? throw new InvalidOperationException("The approval e-mail carried no sign-in link.");
        using var browser = NewBrowser();
        using var set = await browser.SetPasswordAsync(invitationPath, user.Email, TraineePassword);
        // A retried post whose first answer was lost meets a link already used: the password was set, as signing in shows.
        if (!retryWhenUnavailable)
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, set.StatusCode);
        }
        await SignInTraineeAsync(user.PersonId, user.Email, TraineePassword);
    }

    /// <summary>A trainee who can sign in lets the agency's case system act for them, through the gateway's consent.</summary>
    /// <remarks>
    /// Retrying, a sign-in that still fails is started over, as a person would: an authorization code is redeemed once,
    /// so a code exchange whose answer was lost cannot be sent again, only a new sign-in made.
    /// </remarks>
    public async Task SignInTraineeAsync(string personId, string email, string password, AgencySystem? through = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await SignInTraineeOnceAsync(personId, email, password, through);
                return;
            }
            catch (Exception) when (retryWhenUnavailable && attempt < SignInAttempts)
            {
                await Task.Delay(TimeSpan.FromSeconds(2));
            }
        }
    }

    private const int SignInAttempts = 3;

    private async Task SignInTraineeOnceAsync(string personId, string email, string password, AgencySystem? through)
    {
        var system = through ?? AgencySystem.LakeviewCaseSystem;
        using var browser = NewBrowser();
        using var signedIn = await browser.SignInAsync(email, password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signedIn.StatusCode);
        var token = await PersonAuthorization.TokenThroughClientAsync(browser, system.ClientId, system.Secret, system.RedirectUri,
            [PlatformIdentity.TrainingRead, PlatformIdentity.AssessmentRead, PlatformIdentity.AssessmentWrite, PlatformIdentity.CredentialsRead, PlatformIdentity.CredentialsWrite]);
        var handler = new BearerTokenHandler(token, _transport());
        _trainees[personId] = GrpcChannel.ForAddress(gatewayGrpc,
            retryWhenUnavailable ? RetryingCalls.ChannelOptions(handler) : new GrpcChannelOptions { HttpHandler = handler });
    }

    private const string TraineePassword = "Trainee-steps-2026";

    /// <summary>The HMIS team registers a system for an agency that may act for the agency's people with their consent.</summary>
    public async Task<AgencySystem> RegisterAgencySystemAsync(string agencyId)
    {
        var clientId = $"case-system-{Guid.NewGuid():N}"[..40];
        var registered = await new Hmis.Gateway.V1.Clients.ClientsClient(hmisTeamGateway).RegisterClientAsync(new Hmis.Gateway.V1.RegisterClientRequest
        {
            ClientId = clientId, DisplayName = "Case system", AgencyId = agencyId,
            Scopes = { PlatformIdentity.TrainingRead, PlatformIdentity.AssessmentRead, PlatformIdentity.AssessmentWrite, PlatformIdentity.CredentialsRead, PlatformIdentity.CredentialsWrite },
            RedirectUris = { AgencySystem.LakeviewCaseSystem.RedirectUri.AbsoluteUri },
        });
        return new AgencySystem(clientId, registered.ClientSecret, AgencySystem.LakeviewCaseSystem.RedirectUri);
    }

    /// <summary>A person's browser on the gateway: cookies kept, redirects seen.</summary>
    private StaffBrowser NewBrowser(System.Net.CookieContainer? cookies = null)
    {
        var handler = _transport();
        handler.AllowAutoRedirect = false;
        handler.UseCookies = true;
        handler.CookieContainer = cookies ?? new System.Net.CookieContainer();
        return new StaffBrowser(new HttpClient(retryWhenUnavailable ? RetryingCalls.Http(handler) : handler) { BaseAddress = gatewayHttp });
    }

    private GrpcChannel Trainee(string personId) =>
        _trainees.TryGetValue(personId, out var channel) ? channel : throw new InvalidOperationException("Sign the trainee up first (SignUpTraineeAsync).");

    /// <summary>
    /// Waits until the request is complete and every stage event has reached the journey: events of one
    /// transaction travel on separate streams, so they may arrive in any order.
    /// </summary>
    public Task<Journey> CompletedJourneyAsync(string personId, IReadOnlyCollection<string> kinds) =>
        Eventually.ReturnsAsync(
            async () => (await Requests.GetJourneyAsync(new GetJourneyRequest { PersonId = personId })).Journey,
            j => j.RequestStatus == AccessRequestStatus.Completed && kinds.All(k => j.Timeline.Any(e => e.Kind == k)),
            StepTimeout);

    /// <summary>Waits for a read that is refused until an event has been applied.</summary>
    private static async Task<T> UntilFoundAsync<T>(Func<Task<T>> read, TimeSpan? timeout = null)
        where T : class =>
        await Eventually.ReturnsAsync(async () =>
        {
            try
            {
                return await read();
            }
            // Until the event arrives the person's data is not there, which an agency's system sees as not available.
            catch (RpcException e) when (e.StatusCode == StatusCode.PermissionDenied)
            {
                return null;
            }
        }, value => value is not null, timeout ?? StepTimeout) ?? throw new InvalidOperationException();
}

/// <summary>Which step of a journey failed, and how.</summary>
public sealed class JourneyStepFailed(string step, Exception inner) : Exception($"{step}: {inner.GetType().Name}: {inner.Message}", inner)
{
    public string Step { get; } = step;
}

/// <summary>An agency's system as an OAuth client that may act for the agency's people (authorization code with PKCE).</summary>
public sealed record AgencySystem(string ClientId, string Secret, Uri RedirectUri)
{
    /// <summary>The demo case system of Lakeview (services/Gateway/Identity/DemoClients.cs).</summary>
    public static AgencySystem LakeviewCaseSystem { get; } = new(GatewayTokens.DemoClientId, GatewayTokens.DemoClientSecret, GatewayTokens.DemoRedirectUri);
}
