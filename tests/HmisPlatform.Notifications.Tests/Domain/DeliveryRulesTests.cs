using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Notifications.Domain;

namespace HmisPlatform.Notifications.Tests.Domain;

/// <summary>The delivery rules on their own: backoff, giving up, and whose inbox a caller reads.</summary>
public sealed class DeliveryRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly DeliveryPolicy Policy = new() { MaxAttempts = 3, FirstRetry = TimeSpan.FromSeconds(30), LongestPause = TimeSpan.FromMinutes(1) };

    private static Notification Pending() => Notification.Create(Guid.NewGuid(), NotificationKinds.Denied,
        new Recipient("ata-1", "ata@lakeview.example.org", "Alex", Audience.Ata), null, Guid.NewGuid(), new RenderedMessage("s", "t", "h"), digest: false, Now);

    [Fact]
    public void Pauses_DoubleUpToTheLongest() =>
        Assert.Equal([TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)], new[] { 1, 2, 3 }.Select(Policy.PauseAfter));

    [Fact]
    public void TransientFailures_AreRetried_UntilTheLastAttemptFailsIt()
    {
        var notification = Pending();

        notification.SendFailed("SMTP 451", permanent: false, Policy, Now);
        Assert.Equal((DeliveryState.Pending, Now.AddSeconds(30)), (notification.Delivery, notification.NextAttemptAt));
        notification.SendFailed("SMTP 451", permanent: false, Policy, Now);
        notification.SendFailed("SMTP 451", permanent: false, Policy, Now);

        Assert.Equal((DeliveryState.Failed, (DateTimeOffset?)null, 3), (notification.Delivery, notification.NextAttemptAt, notification.Attempts));
    }

    [Fact]
    public void PermanentFailure_FailsAtOnce()
    {
        var notification = Pending();

        notification.SendFailed("SMTP 550", permanent: true, Policy, Now);

        Assert.Equal((DeliveryState.Failed, 1), (notification.Delivery, notification.Attempts));
    }

    [Fact]
    public void Inboxes_ArePersonal_AndTeamsAddTheirOwn()
    {
        Assert.Equal(["p-1"], Inboxes.Of(new Caller("p-1", Guid.NewGuid(), false, Caller.TraineeRole)));
        Assert.Equal(["p-2", Recipient.HmisTeamKey], Inboxes.Of(new Caller("p-2", null, true, "hmis_team")));
        Assert.Equal(["p-3", Recipient.CeTeamKey], Inboxes.Of(new Caller("p-3", null, false, Caller.CeTeamRole)));
        // The HMIS team's own systems (no role) are no person: the team's inbox is for its people.
        Assert.Equal(["review-desk"], Inboxes.Of(new Caller("review-desk", null, true)));
    }

    [Fact]
    public void OnlyAtasAndSupervisors_ChooseADigest()
    {
        Assert.Equal("ata-1", Inboxes.EnsureMayChooseDigest(new Caller("ata-1", Guid.NewGuid(), false, Caller.AtaRole)));
        var refused = Assert.Throws<DomainException>(() => Inboxes.EnsureMayChooseDigest(new Caller("p-1", Guid.NewGuid(), false, Caller.TraineeRole)));
        Assert.Equal(Inboxes.AdministratorsOnlyReason, refused.Reason);
    }
}
