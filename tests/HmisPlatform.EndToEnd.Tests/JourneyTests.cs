using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Grpc.Core;
using Hmis.Credentialing.V1;
using Hmis.Requests.V1;
using HmisPlatform.Testing;
using Xunit.Abstractions;

namespace HmisPlatform.EndToEnd.Tests;

[Collection(PlatformCollection.Name)]
public sealed class JourneyTests(PlatformFixture platform, ITestOutputHelper output)
{
    private static readonly string[] JourneyKinds =
    [
        "AccessRequestSubmitted", "CreditUseConfirmed", "AccessRequestApproved", "TrainingEnrolled", "TrainingCompleted",
        "AssessmentWaitlisted", "AssessmentScheduled", "AssessmentPassed", "AccountPendingAgreement", "EndUserAgreementSigned", "CredentialsIssued",
    ];

    [Fact]
    public async Task NewAgencyUser_GoesFromRequestToLiveCredentials_ThroughTheGateway()
    {
        var driver = platform.Driver();
        var clock = Stopwatch.StartNew();

        var request = await driver.SubmitAndApproveAsync("Avery", "Lindqvist");
        var personId = request.Users[0].PersonId;
        await driver.SignUpTraineeAsync(request.Id, request.Users[0]);
        await driver.CompleteTrainingAsync(personId);
        await driver.PassAssignmentAsync(personId);
        var signed = await driver.SignAgreementAsync(personId, "Avery Lindqvist");
        Assert.Equal(AccountStatus.PendingConfirmation, signed.Status);
        var account = await driver.ConfirmAgreementAsAtaAsync(signed.Id);
        var journey = await driver.CompletedJourneyAsync(personId, JourneyKinds);
        output.WriteLine($"Journey from submission to completed request: {clock.Elapsed.TotalSeconds:F1} s");

        Assert.Equal(AccountStatus.Active, account.Status);
        Assert.Equal("alindqvist", account.Username);
        Assert.Equal(JourneyKinds, journey.Timeline.Select(e => e.Kind));
        Assert.Equal(
            [JourneyStage.Request, JourneyStage.Training, JourneyStage.Assessment, JourneyStage.Credentials, JourneyStage.Complete],
            journey.Stages.Select(s => s.Stage));
        Assert.Equal(JourneyStage.Complete, journey.CurrentStage);
        Assert.All(journey.Stages.SkipLast(1), s => Assert.NotNull(s.CompletedAt));

        // Each step told the trainee and their ATA by e-mail, each message once, and none failed.
        var mail = platform.Mail();
        string[] steps = ["Approved for HMIS training", "Your Sample Client Assignment is open", "Sample Client attempt graded: passed", "Sign the HMIS End User Agreement", "Your HMIS account is live"];
        var toTrainee = await mail.SubjectsAsync(request.Users[0].Email, request.Id, steps);
        var toAta = await mail.SubjectsAsync("alex.rivera@lakeview.example.org", request.Id, steps);
        Assert.Equal(toTrainee.Count, toTrainee.Distinct().Count());
        Assert.Equal(steps.Length, toAta.Count);
        Assert.Empty(await mail.FailedAsync(request.Id));

        // The trainee's e-mail alone carries their single-use activation link (Notifications asked Credentialing for
        // it as its own client); the HMIS redeems it once, and the account is set up. No password anywhere.
        var live = await mail.TextAsync(request.Users[0].Email, request.Id, "Your HMIS account is live");
        var token = Regex.Match(live, "#token=([A-Za-z0-9_-]+)").Groups[1].Value;
        Assert.NotEmpty(token);
        Assert.DoesNotContain("#token=", await mail.TextAsync("alex.rivera@lakeview.example.org", request.Id, "Your HMIS account is live"), StringComparison.Ordinal);
        var redeemed = await new Credentials.CredentialsClient(platform.HmisTeamGateway).RedeemActivationTokenAsync(
            new RedeemActivationTokenRequest { Username = account.Username, ActivationToken = token });
        Assert.NotNull(redeemed.Account.ProvisionedAt);

        // Requests now learns from Credentialing, through its contract and as its own client, that this person has
        // a live account here: the new-users form is the wrong one, and the right one is named.
        var again = await RpcErrors.CatchAsync(() => driver.Requests.SubmitAccessRequestAsync(new SubmitAccessRequestRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Type = RequestType.NewAgencyUsers,
            AgencyId = request.AgencyId,
            AtaId = request.AtaId,
            Users = { new NewUser { GivenName = "Avery", FamilyName = "Lindqvist", Email = request.Users[0].Email } },
            Access = new Hmis.Common.V1.Access { Responsibilities = { Hmis.Common.V1.Responsibility.EnterClientData }, ProjectTypes = { Hmis.Common.V1.ProjectType.Ssvf } },
        }).ResponseAsync);
        Assert.Equal((StatusCode.FailedPrecondition, "WRONG_REQUEST_TYPE"), (again.StatusCode, again.Reason()));
        Assert.Equal("REQUEST_TYPE_NEW_PROJECT_ACCESS", Assert.Single(again.PreconditionViolations()).Type);
    }

    [Fact]
    public async Task RedisStoppedMidJourney_JourneyCompletesAfterwardsWithNoEventLostOrDoubled()
    {
        var driver = platform.Driver();
        var request = await driver.SubmitAndApproveAsync("Jordan", "Achterberg");
        var personId = request.Users[0].PersonId;
        await driver.SignUpTraineeAsync(request.Id, request.Users[0]);
        await driver.LearningPathAsync(personId);

        await platform.StopRedisAsync();
        await driver.CompleteTrainingAsync(personId);
        // TrainingCompleted now waits in Training's outbox: no assignment can open while Redis is away.
        var whileDown = await Assert.ThrowsAnyAsync<Exception>(() => driver.AssignmentAsync(personId, TimeSpan.FromSeconds(5)));
        Assert.True(whileDown is TimeoutException or RpcException, whileDown.ToString());
        await platform.StartRedisAsync();

        await driver.PassAssignmentAsync(personId);
        var signed = await driver.SignAgreementAsync(personId, "Jordan Achterberg");
        await driver.ConfirmAgreementAsAtaAsync(signed.Id);
        var journey = await driver.CompletedJourneyAsync(personId, JourneyKinds);

        Assert.Equal(JourneyKinds, journey.Timeline.Select(e => e.Kind));
        var accounts = (await driver.Credentials.GetPersonAccessAsync(new GetPersonAccessRequest { PersonId = personId })).Accounts;
        Assert.Single(accounts);
    }

    [Fact]
    public async Task HrsUser_WhoseAssignmentTheCeTeamWaived_IsTrainedByTheCeTeam_AndGoesLive()
    {
        var driver = platform.Driver();
        var submitted = (await driver.Requests.SubmitAccessRequestAsync(new SubmitAccessRequestRequest
        {
            RequestId = Guid.NewGuid().ToString(), Type = RequestType.HrsCe1474, AgencyId = JourneyDriver.LakeviewAgencyId, AtaId = JourneyDriver.LakeviewAtaId,
            Users = { new NewUser { GivenName = "Hana", FamilyName = "Specialist", Email = "hana.specialist@lakeview.example.org" } },
            Access = new Hmis.Common.V1.Access
            {
                Responsibilities = { Hmis.Common.V1.Responsibility.EnterClientData, Hmis.Common.V1.Responsibility.ReceiveReferrals },
                ProjectTypes = { Hmis.Common.V1.ProjectType.CoordinatedEntry1474 },
            },
        })).AccessRequest;
        using var ceTeam = await driver.CeTeamAsync();

        using var decided = await ceTeam.Http.PostAsJsonAsync($"/v1/access-requests/{submitted.Id}/ce-decision", new JsonObject
        {
            ["requestId"] = Guid.NewGuid().ToString(), ["etag"] = submitted.Etag, ["decision"] = "CE_DECISION_APPROVE", ["waiveAssessment"] = true,
        });
        Assert.True(decided.IsSuccessStatusCode, await decided.Content.ReadAsStringAsync());
        var afterCe = (await driver.ReviewDesk.GetAccessRequestAsync(new GetAccessRequestRequest { AccessRequestId = submitted.Id })).AccessRequest;
        var approved = await driver.ReviewAsync(await driver.ReviewAsync(afterCe, ReviewOutcome.ConfirmCreditUse), ReviewOutcome.ConfirmEnrolments);
        var user = approved.Users[0];
        await driver.SignUpTraineeAsync(approved.Id, user);
        var path = await driver.LearningPathAsync(user.PersonId);
        foreach (var course in path.Courses.Where(c => c.CourseCode != "HOUSING_RESOURCE_SPECIALIST"))
        {
            await driver.Lms.RecordCourseProgressAsync(new Hmis.Training.V1.RecordCourseProgressRequest
            {
                RequestId = Guid.NewGuid().ToString(), PersonId = user.PersonId, CourseCode = course.CourseCode, Percent = 100,
            });
        }
        using var hrs = await ceTeam.Http.PostAsJsonAsync($"/v1/people/{user.PersonId}/courses/HOUSING_RESOURCE_SPECIALIST/progress", new JsonObject
        {
            ["requestId"] = Guid.NewGuid().ToString(), ["percent"] = 100, ["source"] = "CE team live session",
        });
        Assert.True(hrs.IsSuccessStatusCode, await hrs.Content.ReadAsStringAsync());

        var signed = await driver.SignAgreementAsync(user.PersonId, "Hana Specialist");
        await driver.ConfirmAgreementAsAtaAsync(signed.Id);
        var journey = await driver.CompletedJourneyAsync(user.PersonId, ["AssessmentWaived", "CredentialsIssued"]);

        Assert.True(approved.AssessmentWaived);
        Assert.DoesNotContain(journey.Timeline, e => e.Kind is "AssessmentWaitlisted" or "AssessmentScheduled");
        var account = (await driver.Credentials.GetPersonAccessAsync(new GetPersonAccessRequest { PersonId = user.PersonId })).Accounts.Single();
        Assert.Equal((AccountStatus.Active, AccountRoute.AssessmentWaived), (account.Status, account.Route));
    }
}
