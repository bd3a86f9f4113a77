using Grpc.Core;
using Hmis.Notifications.V1;
using HmisPlatform.Notifications.Domain;
using HmisPlatform.Notifications.Infrastructure;
using Microsoft.AspNetCore.Authorization;

namespace HmisPlatform.Notifications.Grpc;

/// <summary>
/// E-mails people the link where they set their password, for the gateway alone: the link is sealed until the e-mail
/// goes, and the person's inbox keeps a copy without it.
/// </summary>
[Authorize(Policy = PlatformIdentity.NotificationsSendInvitation)]
public sealed class InvitationsService(NotificationsDbContext db, Notifier notifier) : Invitations.InvitationsBase
{
    public override async Task<SendInvitationResponse> SendInvitation(SendInvitationRequest request, ServerCallContext context)
    {
        var invitation = Invitation.Create(request.RequestId, request.PersonId, request.Email, request.RoleTitle, request.AgencyId, request.SetPasswordPath);
        var notification = await notifier.InviteAsync(invitation, context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
        return new SendInvitationResponse { NotificationId = notification.Id.ToString() };
    }
}
