using System.Diagnostics;
using Grpc.Core;
using Hmis.Credentialing.V1;
using Hmis.Requests.V1;
using Xunit.Abstractions;

namespace HmisPlatform.EndToEnd.Tests;

[Collection(PlatformCollection.Name)]
public sealed class JourneyTests(PlatformFixture platform, ITestOutputHelper output)
{
    private static readonly string[] JourneyKinds =
    [
        "AccessRequestSubmitted", "AccessRequestApproved", "TrainingEnrolled", "TrainingCompleted",
        "AssessmentScheduled", "AssessmentPassed", "AccountPendingAgreement", "EndUserAgreementSigned", "CredentialsIssued",
    ];

    [Fact]
    public async Task NewAgencyUser_GoesFromRequestToLiveCredentials_ThroughTheGateway()
    {
        var driver = new JourneyDriver(platform.Gateway, platform.HmisTeamGateway, platform.GatewayHttp);
        var clock = Stopwatch.StartNew();

        var request = await driver.SubmitAndApproveAsync("Avery", "Lindqvist");
        var personId = request.Users[0].PersonId;
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
    }

    [Fact]
    public async Task RedisStoppedMidJourney_JourneyCompletesAfterwardsWithNoEventLostOrDoubled()
    {
        var driver = new JourneyDriver(platform.Gateway, platform.HmisTeamGateway, platform.GatewayHttp);
        var request = await driver.SubmitAndApproveAsync("Jordan", "Achterberg");
        var personId = request.Users[0].PersonId;
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
}
