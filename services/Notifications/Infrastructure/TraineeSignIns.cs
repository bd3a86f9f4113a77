using Grpc.Core;
using Hmis.Gateway.V1;
using Microsoft.Extensions.Options;

namespace HmisPlatform.Notifications.Infrastructure;

/// <summary>An approved trainee's sign-in to HmisPlatform, where they do their own steps, for their approval e-mail only.</summary>
public interface ITraineeSignIns
{
    /// <summary>The link where they set their password, or null when they sign in already (or someone else has the e-mail).</summary>
    Task<string?> InviteAsync(Guid personId, string email, Guid agencyId, CancellationToken cancellationToken);
}

/// <summary>
/// Asks the gateway to give the trainee their sign-in, as this service's own client identity (scope
/// <c>staff.invite_trainee</c>: trainees only). A returning trainee's one sign-in moves to their new agency; one who signs
/// in here already gets no new link. The link is never logged.
/// </summary>
public sealed partial class GatewayTraineeSignIns(
    StaffAccounts.StaffAccountsClient staff, IOptions<NotificationOptions> options, ILogger<GatewayTraineeSignIns> logger) : ITraineeSignIns
{
    public async Task<string?> InviteAsync(Guid personId, string email, Guid agencyId, CancellationToken cancellationToken)
    {
        if (email.Length == 0)
        {
            return null;
        }
        try
        {
            var invited = await staff.InviteStaffAccountAsync(new InviteStaffAccountRequest
            {
                Email = email, Role = PlatformIdentity.TraineeRole, AgencyId = agencyId.ToString(), PersonId = personId.ToString(),
            }, cancellationToken: cancellationToken);
            return invited.InvitationPath.Length == 0 ? null : options.Value.UiBaseUrl.TrimEnd('/') + invited.InvitationPath;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.AlreadyExists)
        {
            // Someone signs in with this e-mail already (say, as an ATA): the e-mail says to ask the HMIS team.
            return null;
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.InvalidArgument or StatusCode.PermissionDenied or StatusCode.FailedPrecondition)
        {
            // Asking again would get the same answer: the approval e-mail still goes, saying to ask the HMIS team.
            LogNotInvited(personId, ex.StatusCode);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No sign-in was made for approved trainee {PersonId}: the gateway answered {Status}")]
    private partial void LogNotInvited(Guid personId, StatusCode status);
}
