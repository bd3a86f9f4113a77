using Grpc.Core;
using Hmis.Notifications.V1;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Gateway.Domain;

namespace HmisPlatform.Gateway.Staff;

/// <summary>E-mails an invited person the link where they set their password; the link never goes anywhere else.</summary>
public interface IInvitationMail
{
    Task SendAsync(StaffUser person, string setPasswordPath, CancellationToken cancellationToken);
}

/// <summary>
/// Through the Notifications service, which sends every e-mail of the platform (with its retries and the HMIS team's
/// failed list), called as the gateway's own identity. Each invitation has its own request id, so a retried call sends
/// one e-mail. A Notifications service that does not answer is UNAVAILABLE: inviting again sends a new link.
/// </summary>
public sealed class NotificationsInvitationMail(Invitations.InvitationsClient invitations) : IInvitationMail
{
    public const string MailUnavailableReason = "INVITATION_MAIL_UNAVAILABLE";

    public async Task SendAsync(StaffUser person, string setPasswordPath, CancellationToken cancellationToken)
    {
        try
        {
            await invitations.SendInvitationAsync(new SendInvitationRequest
            {
                RequestId = Guid.CreateVersion7().ToString(),
                PersonId = person.Id.ToString(),
                Email = person.Email!,
                RoleTitle = StaffRoles.TitleOf(person.Role),
                AgencyId = person.AgencyId?.ToString() ?? "",
                SetPasswordPath = setPasswordPath,
            }, deadline: DateTime.UtcNow.AddSeconds(10), cancellationToken: cancellationToken);
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal or StatusCode.Unknown)
        {
            throw new DomainException(ErrorKind.Unavailable, MailUnavailableReason,
                "The invitation could not be e-mailed now; the account is there: invite them again to send a new link.");
        }
    }
}
