using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Gateway.Domain;
using HmisPlatform.Gateway.Security;
using Microsoft.AspNetCore.Identity;

namespace HmisPlatform.Gateway.Staff;

/// <summary>
/// Invites a person to sign in: their account, without a password, and the single-use path on which they set one
/// (Identity's reset token, bound to the account's security stamp: it works once, and for a day). Audited.
/// </summary>
public sealed class StaffInvitations(UserManager<StaffUser> users, SecurityAudit audit)
{
    public const string AccountExistsReason = "STAFF_ACCOUNT_EXISTS";

    public async Task<(StaffUser Account, string InvitationPath)> InviteAsync(StaffInvitation invitation, string invitedBy, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(invitation.Email) is not null || await users.FindByIdAsync(invitation.PersonId.ToString()) is not null)
        {
            throw new DomainException(ErrorKind.AlreadyExists, AccountExistsReason, "A person with that e-mail or id can sign in already.");
        }
        var user = new StaffUser
        {
            Id = invitation.PersonId,
            UserName = invitation.Email,
            Email = invitation.Email,
            Role = invitation.Role,
            AgencyId = invitation.AgencyId,
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            throw new DomainException(ErrorKind.AlreadyExists, AccountExistsReason, "A person with that e-mail can sign in already.");
        }
        var token = await users.GeneratePasswordResetTokenAsync(user);
        await audit.RecordAsync(SecurityEventKinds.UserInvited, invitedBy, user.Id.ToString(), user.AgencyId, user.Role, cancellationToken);
        return (user, SignInPages.SetPasswordPathFor(user.Id, token));
    }
}
