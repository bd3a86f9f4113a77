using Grpc.Core;
using Hmis.Notifications.V1;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Grpc;
using HmisPlatform.Notifications.Domain;
using HmisPlatform.Notifications.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Notification = HmisPlatform.Notifications.Domain.Notification;

namespace HmisPlatform.Notifications.Grpc;

/// <summary>Each person's and ATA's inbox, an ATA's delivery choice, and the HMIS team's failed list.</summary>
[Authorize(Policy = PlatformIdentity.NotificationsRead)]
public sealed class NotificationsService(NotificationsDbContext db, TimeProvider time) : Hmis.Notifications.V1.Notifications.NotificationsBase
{
    public const string NotificationNotFoundReason = "NOTIFICATION_NOT_FOUND";
    public const string PreferenceRequiredReason = "PREFERENCE_REQUIRED";

    public override async Task<ListNotificationsResponse> ListNotifications(ListNotificationsRequest request, ServerCallContext context)
    {
        var inboxes = Inboxes.Of(context.Caller());
        var size = PageSize(request.PageSize);
        var after = PageAfter(request.PageToken);
        var mine = db.Notifications.AsNoTracking().Where(n => inboxes.Contains(n.RecipientKey) && n.Kind != NotificationKinds.Digest);
        var page = await mine.Where(n => !request.UnreadOnly || n.ReadAt == null).Where(n => after == null || n.Id.CompareTo(after.Value) < 0)
            .OrderByDescending(n => n.Id).Take(size + 1).ToListAsync(context.CancellationToken);
        return new ListNotificationsResponse
        {
            Notifications = { page.Take(size).Select(ToMessage) },
            NextPageToken = page.Count > size ? Paging.Token(page[size - 1].Id) : "",
            UnreadCount = await mine.CountAsync(n => n.ReadAt == null, context.CancellationToken),
        };
    }

    public override async Task<MarkNotificationReadResponse> MarkNotificationRead(MarkNotificationReadRequest request, ServerCallContext context)
    {
        var id = Ids.Parse(request.NotificationId, "notification_id");
        var inboxes = Inboxes.Of(context.Caller());
        // Someone else's answers exactly like one that does not exist.
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && inboxes.Contains(n.RecipientKey), context.CancellationToken)
            ?? throw DomainException.NotFound(NotificationNotFoundReason, "No notification of yours has that id.");
        notification.MarkRead(time.GetUtcNow());
        await db.SaveChangesAsync(context.CancellationToken);
        return new MarkNotificationReadResponse { Notification = ToMessage(notification) };
    }

    public override async Task<SetDeliveryPreferenceResponse> SetDeliveryPreference(SetDeliveryPreferenceRequest request, ServerCallContext context)
    {
        var recipientKey = Inboxes.EnsureMayChooseDigest(context.Caller());
        if (request.Preference == DeliveryPreference.Unspecified)
        {
            throw DomainException.Invalid(PreferenceRequiredReason, "Choose EACH_EVENT or DAILY_DIGEST.",
                new FieldViolation("preference", "required", PreferenceRequiredReason));
        }
        var digest = request.Preference == DeliveryPreference.DailyDigest;
        var choice = await db.DeliveryChoices.SingleOrDefaultAsync(c => c.RecipientKey == recipientKey, context.CancellationToken);
        if (choice is null)
        {
            db.DeliveryChoices.Add(new DeliveryChoice(recipientKey, digest));
        }
        else
        {
            choice.Choose(digest);
        }
        await db.SaveChangesAsync(context.CancellationToken);
        return new SetDeliveryPreferenceResponse { Preference = request.Preference };
    }

    public override async Task<ListFailedDeliveriesResponse> ListFailedDeliveries(ListFailedDeliveriesRequest request, ServerCallContext context)
    {
        context.Caller().EnsureHmisTeam("sees the failed deliveries");
        var size = PageSize(request.PageSize);
        var after = PageAfter(request.PageToken);
        var page = await db.Notifications.AsNoTracking().Where(n => n.Delivery == DeliveryState.Failed)
            .Where(n => after == null || n.Id.CompareTo(after.Value) < 0)
            .OrderByDescending(n => n.Id).Take(size + 1).ToListAsync(context.CancellationToken);
        return new ListFailedDeliveriesResponse
        {
            Deliveries =
            {
                page.Take(size).Select(n => new FailedDelivery
                {
                    Notification = ToMessage(n), RecipientEmail = n.RecipientEmail, Attempts = n.Attempts, LastError = n.LastError ?? "",
                    FailedAt = n.FailedAt is { } at ? Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(at) : null,
                }),
            },
            NextPageToken = page.Count > size ? Paging.Token(page[size - 1].Id) : "",
        };
    }

    private static int PageSize(int requested) => Paging.Size(requested, defaultSize: 50, maxSize: 200);

    private static Guid? PageAfter(string token) => Paging.Id(token);

    private static Hmis.Notifications.V1.Notification ToMessage(Notification n) => new()
    {
        Id = n.Id.ToString(),
        Kind = n.Kind,
        Subject = n.Subject,
        Text = n.Text,
        AgencyId = n.AgencyId?.ToString() ?? "",
        AccessRequestId = n.AccessRequestId?.ToString() ?? "",
        CreatedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(n.CreatedAt),
        ReadAt = n.ReadAt is { } read ? Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(read) : null,
        Delivery = n.Delivery switch
        {
            DeliveryState.Pending => DeliveryStatus.Pending,
            DeliveryState.Sent => DeliveryStatus.Sent,
            DeliveryState.InDigest => DeliveryStatus.InDigest,
            _ => DeliveryStatus.Failed,
        },
    };
}
