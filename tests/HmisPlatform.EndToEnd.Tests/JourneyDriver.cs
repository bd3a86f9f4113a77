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

namespace HmisPlatform.EndToEnd.Tests;

/// <summary>
/// Takes one new user through the four steps, calling only the gateway: the agency's system for the agency's
/// part, the HMIS team's review desk for the review.
/// </summary>
public sealed class JourneyDriver(GrpcChannel gateway, GrpcChannel hmisTeamGateway, Uri? gatewayHttp = null)
{
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

    public SampleClientAssignments.SampleClientAssignmentsClient Assessment { get; } = new(gateway);

    public SampleClientAssignments.SampleClientAssignmentsClient StaffAssessment { get; } = new(hmisTeamGateway);

    public TrainingClient StaffTraining { get; } = new(hmisTeamGateway);

    public Credentials.CredentialsClient Credentials { get; } = new(gateway);

    public async Task<Hmis.Requests.V1.AccessRequest> SubmitAndApproveAsync(string givenName, string familyName)
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

        var confirmed = await ReviewAsync(submitted, ReviewOutcome.ConfirmCreditUse);
        var reviewed = await ReviewAsync(confirmed, ReviewOutcome.ConfirmEnrolments);
        Assert.Equal(AccessRequestStatus.InProgress, reviewed.Status);
        return reviewed;
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
            await Training.RecordCourseProgressAsync(new Hmis.Training.V1.RecordCourseProgressRequest
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
        var assignment = await AssignmentAsync(personId);
        var model = (await StaffAssessment.GetModelRecordAsync(new GetModelRecordRequest { AssignmentId = assignment.Id })).Record;
        var result = await Assessment.SubmitAttemptAsync(new SubmitAttemptRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            AssignmentId = assignment.Id,
            Record = model,
        });
        Assert.Empty(result.Attempt.Findings);
        Assert.Equal(AttemptOutcome.Passed, result.Attempt.Outcome);
    }

    public async Task<Account> SignAgreementAsync(string personId, string fullName)
    {
        var pending = await Eventually.ReturnsAsync(
            async () => (await Credentials.GetPersonAccessAsync(new GetPersonAccessRequest { PersonId = personId })).Accounts.FirstOrDefault(),
            a => a is not null, StepTimeout) ?? throw new InvalidOperationException();
        Assert.Equal(AccountStatus.PendingAgreement, pending.Status);
        return (await Credentials.SignEndUserAgreementAsync(new SignEndUserAgreementRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            AccountId = pending.Id,
            TypedFullName = fullName,
        })).Account;
    }

    /// <summary>
    /// The ATA, signed in at the gateway as a person, confirms receipt of the signed agreement over HTTP/JSON with the
    /// page's antiforgery token: the gateway forwards the call with the ATA's own person token.
    /// </summary>
    public async Task<Account> ConfirmAgreementAsAtaAsync(string accountId)
    {
        using var ata = new StaffBrowser(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = gatewayHttp ?? throw new InvalidOperationException("The driver needs the gateway's HTTP address to act as the ATA."),
        });
        using var signedIn = await ata.SignInAsync(LakeviewAtaEmail, DemoPassword);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signedIn.StatusCode);
        await ata.SendAntiforgeryTokenAsync();
        using var confirmed = await ata.Http.PostAsJsonAsync($"/v1/accounts/{accountId}/agreement-confirmation",
            new JsonObject { ["requestId"] = Guid.NewGuid().ToString() });
        var body = await confirmed.Content.ReadAsStringAsync();
        Assert.True(confirmed.IsSuccessStatusCode, body);
        return Account.Parser.WithDiscardUnknownFields(true).ParseJson(JsonNode.Parse(body)!["account"]!.ToJsonString());
    }

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
