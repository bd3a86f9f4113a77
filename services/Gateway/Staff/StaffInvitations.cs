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
        var sameEmail = await users.FindByEmailAsync(invitation.Email);
        var samePerson = await users.FindByIdAsync(invitation.PersonId.ToString());
        if (samePerson is { Role: StaffRoles.Trainee } && invitation.Role == StaffRoles.Trainee && (sameEmail is null || sameEmail.Id == samePerson.Id))
        {
            // Signing in here already: nothing changes, and no new link is made.
            return samePerson.AgencyId == invitation.AgencyId && samePerson.Email == invitation.Email && samePerson.PasswordHash is not null
                ? (samePerson, "")
                : await MoveTraineeAsync(samePerson, invitation, invitedBy, cancellationToken);
        }
        if (sameEmail is not null || samePerson is not null)
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

    /// <summary>
    /// A trainee who moves to another agency (a returning user, a transfer) keeps their one sign-in, as they keep their
    /// person id: it moves to the new agency and e-mail, every open session ends, and the link sets a new password.
    /// </summary>
    private async Task<(StaffUser Account, string InvitationPath)> MoveTraineeAsync(StaffUser trainee, StaffInvitation invitation, string invitedBy, CancellationToken cancellationToken)
    {
        trainee.AgencyId = invitation.AgencyId;
        trainee.Email = invitation.Email;
        trainee.UserName = invitation.Email;
        var updated = await users.UpdateAsync(trainee);
        if (!updated.Succeeded)
        {
            throw new DomainException(ErrorKind.AlreadyExists, AccountExistsReason, "A person with that e-mail can sign in already.");
        }
        await users.UpdateSecurityStampAsync(trainee);
        var token = await users.GeneratePasswordResetTokenAsync(trainee);
        await audit.RecordAsync(SecurityEventKinds.UserMoved, invitedBy, trainee.Id.ToString(), trainee.AgencyId, trainee.Role, cancellationToken);
        return (trainee, SignInPages.SetPasswordPathFor(trainee.Id, token));
    }
}
