using Grpc.Core;
using Hmis.Notifications.V1;
using HmisPlatform.Notifications.Domain;
using HmisPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Notifications.Tests;

/// <summary>Exactly once, retried with backoff, failed for good onto the failed list, and the ATA's daily digest.</summary>
public sealed class DeliveryTests(NotificationsFixture service) : IClassFixture<NotificationsFixture>
{
    private int ReceivedBy(string address) => service.Smtp.To(address).Count;

    [Fact]
    public async Task DuplicateEvent_SendsNothingMore()
    {
        var journey = new Journey(service);
        await journey.DeliverAsync(journey.Submitted());
        var approved = journey.Approved();

        await journey.DeliverTwiceAsync(approved);
        await service.CaughtUpAsync(Hmis.Events.V1.AccessRequestApproved.Descriptor);
        await service.Delivery.RunOnceAsync(CancellationToken.None);
        await service.Delivery.RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, ReceivedBy(journey.UserEmail));
        Assert.Equal(1, ReceivedBy(journey.AtaEmail));
        Assert.Equal(2, await service.QueryAsync(db => db.Notifications.CountAsync(n => n.AccessRequestId == journey.RequestId)));
    }

    [Fact]
    public async Task SmtpOutage_ThenRecovery_DeliversEveryMessageOnce()
    {
        await service.Smtp.StopAsync();
        Journey journey;
        try
        {
            journey = await new Journey(service).StartedAsync();
            await service.Delivery.RunOnceAsync(CancellationToken.None);

            var waiting = await service.QueryAsync(db => db.Notifications.Where(n => n.AccessRequestId == journey.RequestId).ToListAsync());
            Assert.All(waiting, n => Assert.Equal((DeliveryState.Pending, 1), (n.Delivery, n.Attempts)));
            Assert.All(waiting, n => Assert.DoesNotContain(journey.UserEmail, n.LastError!, StringComparison.Ordinal));
        }
        finally
        {
            service.Smtp.Start();
        }

        // Not before its pause: nothing is sent again at once.
        await service.Delivery.RunOnceAsync(CancellationToken.None);
        Assert.Equal(0, ReceivedBy(journey.UserEmail));
        service.Clock.Advance(TimeSpan.FromMinutes(1));
        await service.Delivery.RunOnceAsync(CancellationToken.None);
        await service.Delivery.RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, ReceivedBy(journey.UserEmail));
        Assert.Equal(1, ReceivedBy(journey.AtaEmail));
    }

    [Fact]
    public async Task RefusedAddress_LandsInTheFailedList_ThatOnlyTheHmisTeamSees()
    {
        var journey = new Journey(service);
        await journey.DeliverAsync(journey.Submitted());
        await journey.DeliverAsync(journey.Approved(userEmail: $"gone-{journey.PersonId:N}@{TestSmtpServer.RefusedDomain}"));

        await service.Delivery.RunOnceAsync(CancellationToken.None);

        var failed = (await service.As(TestTokens.HmisTeam()).ListFailedDeliveriesAsync(new ListFailedDeliveriesRequest())).Deliveries
            .Single(d => d.Notification.AccessRequestId == journey.RequestId.ToString());
        Assert.Equal((1, DeliveryStatus.Failed), (failed.Attempts, failed.Notification.Delivery));
        Assert.StartsWith("SMTP 550", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(1, ReceivedBy(journey.AtaEmail));

        var refused = await RpcErrors.CatchAsync(() => service.As(TestTokens.Person(journey.AtaId, "ata")).ListFailedDeliveriesAsync(new ListFailedDeliveriesRequest()).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }

    [Fact]
    public async Task AddressThatIsNotOne_FailsAtOnce_AndHoldsUpNothingElse()
    {
        var journey = new Journey(service);
        await journey.DeliverAsync(journey.Submitted());
        await journey.DeliverAsync(journey.Approved(userEmail: "not an address"));

        await service.Delivery.RunOnceAsync(CancellationToken.None);

        var states = await service.QueryAsync(db => db.Notifications.Where(n => n.AccessRequestId == journey.RequestId)
            .Select(n => new { n.RecipientEmail, n.Delivery, n.LastError }).ToListAsync());
        Assert.Equal((DeliveryState.Failed, "recipient address is not valid"), states.Where(s => s.RecipientEmail == "not an address").Select(s => (s.Delivery, s.LastError)).Single());
        Assert.Equal(1, ReceivedBy(journey.AtaEmail));
    }

    [Fact]
    public async Task ServerThatStaysDown_GivesUpAfterTheRetries_OntoTheFailedList()
    {
        await service.Smtp.StopAsync();
        try
        {
            var journey = await new Journey(service).StartedAsync();
            for (var round = 0; round < 3; round++)
            {
                await service.Delivery.RunOnceAsync(CancellationToken.None);
                service.Clock.Advance(TimeSpan.FromMinutes(5));
            }

            var states = await service.QueryAsync(db => db.Notifications.Where(n => n.AccessRequestId == journey.RequestId).Select(n => new { n.Delivery, n.Attempts }).ToListAsync());
            Assert.All(states, s => Assert.Equal((DeliveryState.Failed, 3), (s.Delivery, s.Attempts)));
        }
        finally
        {
            service.Smtp.Start();
        }
    }

    [Fact]
    public async Task DailyDigest_GroupsTheDaysEventsForOneAta_InOneEmail()
    {
        var journeyA = new Journey(service);
        var ata = service.As(TestTokens.Person(journeyA.AtaId, "ata"));
        await ata.SetDeliveryPreferenceAsync(new SetDeliveryPreferenceRequest { Preference = DeliveryPreference.DailyDigest });
        await journeyA.StartedAsync();
        var second = new Journey(service);
        // The same ATA asked for a second person.
        var journeyB = new JourneyOf(second, journeyA.AtaId);
        await journeyB.StartedAsync();
        await service.Delivery.RunOnceAsync(CancellationToken.None);
        Assert.Equal(0, ReceivedBy(journeyA.AtaEmail));
        Assert.Equal(1, ReceivedBy(journeyA.UserEmail));

        // 12:00 in Chicago is before the digest hour (17:00 there, though 18:00 UTC); 18:00 in Chicago is after it.
        service.Clock.Advance(TimeSpan.FromHours(9));
        Assert.Equal(0, await service.Digests.RunOnceAsync(CancellationToken.None));
        service.Clock.Advance(TimeSpan.FromHours(6));
        Assert.Equal(1, await service.Digests.RunOnceAsync(CancellationToken.None));
        Assert.Equal(0, await service.Digests.RunOnceAsync(CancellationToken.None));
        await service.Delivery.RunOnceAsync(CancellationToken.None);

        var digest = Assert.Single(service.Smtp.To(journeyA.AtaEmail));
        Assert.StartsWith("HMIS updates of", digest.Subject, StringComparison.Ordinal);
        Assert.Contains(journeyA.RequestId.ToString(), digest.TextBody, StringComparison.Ordinal);
        Assert.Contains(second.RequestId.ToString(), digest.TextBody, StringComparison.Ordinal);
        var inbox = await ata.ListNotificationsAsync(new ListNotificationsRequest());
        Assert.Equal(2, inbox.Notifications.Count);
    }

    [Fact]
    public async Task Inbox_ListsTheCallersOwn_MarksThemRead_AndAnotherPersonCannotTouchThem()
    {
        var journey = await new Journey(service).StartedAsync();
        var trainee = service.As(TestTokens.Person(journey.PersonId, "trainee"));

        var inbox = await trainee.ListNotificationsAsync(new ListNotificationsRequest());
        var approved = Assert.Single(inbox.Notifications);
        Assert.Equal(("APPROVED_FOR_TRAINING", 1), (approved.Kind, inbox.UnreadCount));

        await trainee.MarkNotificationReadAsync(new MarkNotificationReadRequest { NotificationId = approved.Id });
        await trainee.MarkNotificationReadAsync(new MarkNotificationReadRequest { NotificationId = approved.Id });
        Assert.Equal(0, (await trainee.ListNotificationsAsync(new ListNotificationsRequest { UnreadOnly = true })).UnreadCount);

        var stranger = service.As(TestTokens.Person(Guid.NewGuid(), "trainee"));
        var error = await RpcErrors.CatchAsync(() => stranger.MarkNotificationReadAsync(new MarkNotificationReadRequest { NotificationId = approved.Id }).ResponseAsync);
        Assert.Equal((StatusCode.NotFound, "NOTIFICATION_NOT_FOUND"), (error.StatusCode, error.Reason()));
        Assert.Empty((await stranger.ListNotificationsAsync(new ListNotificationsRequest())).Notifications);
    }

    [Fact]
    public async Task BadInput_IsRefusedWithTheField()
    {
        var ata = service.As(TestTokens.Person(Guid.NewGuid(), "ata"));

        var noChoice = await RpcErrors.CatchAsync(() => ata.SetDeliveryPreferenceAsync(new SetDeliveryPreferenceRequest()).ResponseAsync);
        var badToken = await RpcErrors.CatchAsync(() => ata.ListNotificationsAsync(new ListNotificationsRequest { PageToken = "page-2" }).ResponseAsync);
        var trainee = await RpcErrors.CatchAsync(() => service.As(TestTokens.Person(Guid.NewGuid(), "trainee"))
            .SetDeliveryPreferenceAsync(new SetDeliveryPreferenceRequest { Preference = DeliveryPreference.DailyDigest }).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, "preference"), (noChoice.StatusCode, noChoice.ViolatedFields().Single()));
        Assert.Equal((StatusCode.InvalidArgument, "page_token"), (badToken.StatusCode, badToken.ViolatedFields().Single()));
        Assert.Equal(StatusCode.PermissionDenied, trainee.StatusCode);
    }

    /// <summary>A journey whose request another journey's ATA submitted.</summary>
    private sealed class JourneyOf(Journey journey, Guid ataId)
    {
        public async Task StartedAsync()
        {
            var submitted = journey.Submitted();
            submitted.Ata.Id = ataId.ToString();
            submitted.Ata.Email = $"ata-{ataId:N}@lakeview.example.org";
            await journey.DeliverAsync(submitted);
            await journey.DeliverAsync(journey.Approved());
        }
    }
}
