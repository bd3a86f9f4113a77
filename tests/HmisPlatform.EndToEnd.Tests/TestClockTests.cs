using Google.Protobuf.WellKnownTypes;
using Hmis.Assessment.V1;
using Hmis.Credentialing.V1;
using Hmis.Gateway.V1;
using Hmis.Requests.V1;
using HmisPlatform.Testing;

namespace HmisPlatform.EndToEnd.Tests;

/// <summary>
/// The HMIS team rehearses time on the real platform: the test clock moves every service's clock at once and the
/// sweeps run on demand, so the process's deadlines are seen end to end without waiting for them.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class TestClockTests(PlatformFixture platform)
{
    [Fact]
    public async Task ASeatHeldPastItsTenDays_Expires_TheRequestCloses_ItsCreditIsBack_AndTheAtaIsTold()
    {
        var driver = platform.Driver();
        var credits = new LicenseCredits.LicenseCreditsClient(platform.HmisTeamGateway);
        var reservedBefore = (await credits.GetCreditBalanceAsync(new GetCreditBalanceRequest { AgencyId = JourneyDriver.LakeviewAgencyId })).Balance.Reserved;
        var request = await driver.SubmitAndApproveAsync("Sol", "Lapsing");
        var personId = request.Users[0].PersonId;
        await driver.CompleteTrainingAsync(personId);
        var seated = await Eventually.ReturnsAsync(() => driver.AssignmentAsync(personId), a => a.Status == AssignmentStatus.Seated, TimeSpan.FromSeconds(60));
        var clock = new TestClock.TestClockClient(platform.HmisTeamGateway);

        var moved = await clock.AdvanceTestClockAsync(new AdvanceTestClockRequest { RequestId = Guid.NewGuid().ToString(), By = Duration.FromTimeSpan(TimeSpan.FromDays(11)) });
        var swept = await clock.RunSweepsAsync(new RunSweepsRequest { RequestId = Guid.NewGuid().ToString() });

        Assert.True(moved.Now.ToDateTimeOffset() > seated.ExpiresAt.ToDateTimeOffset());
        Assert.Contains($"{ResourceNames.AssessmentApi}/AssignmentExpirySweep", swept.Sweeps);
        Assert.Contains($"{ResourceNames.CredentialingApi}/InactivitySweep", swept.Sweeps);
        var expired = await Eventually.ReturnsAsync(() => driver.AssignmentAsync(personId), a => a.Status == AssignmentStatus.Expired, TimeSpan.FromSeconds(60));
        Assert.Equal("TEN_DAYS", expired.ExpiredReason);
        var journey = await Eventually.ReturnsAsync(
            async () => (await driver.Requests.GetJourneyAsync(new GetJourneyRequest { PersonId = personId })).Journey,
            j => j.RequestStatus == AccessRequestStatus.Expired, TimeSpan.FromSeconds(60));
        Assert.Equal(AccessRequestStatus.Expired, journey.RequestStatus);
        await Eventually.ReturnsAsync(
            async () => (await credits.GetCreditBalanceAsync(new GetCreditBalanceRequest { AgencyId = JourneyDriver.LakeviewAgencyId })).Balance.Reserved,
            reserved => reserved == reservedBefore, TimeSpan.FromSeconds(60));
        await platform.Mail().SubjectsAsync("alex.rivera@lakeview.example.org", request.Id, "Sample Client Assignment ended");
    }
}
