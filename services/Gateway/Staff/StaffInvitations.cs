using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Gateway.Domain;
using HmisPlatform.Gateway.Security;
using Microsoft.AspNetCore.Identity;

namespace HmisPlatform.Gateway.Staff;

/// <summary>
/// Invites a person to sign in: their account, without a password, and the single-use link on which they set one
/// (Identity's reset token, bound to the account's security stamp: it works once, and for a day). The link is e-mailed
/// to the person; only the platform's own service, which e-mails a trainee their link in their approval, is given it.
/// Inviting again someone who has not set their password yet sends a new link, and the earlier one stops working. Audited.
/// </summary>
public sealed class StaffInvitations(UserManager<StaffUser> users, SecurityAudit audit, IInvitationMail mail)
{
    public const string AccountExistsReason = "STAFF_ACCOUNT_EXISTS";

    /// <param name="linkToCaller">The caller e-mails the link itself (<see cref="StaffInvitation.LinkGoesToCaller"/>).</param>
    /// <returns>The account, and the link's path when it goes to the caller; otherwise empty, the link having been e-mailed.</returns>
    public async Task<(StaffUser Account, string InvitationPath)> InviteAsync(StaffInvitation invitation, string invitedBy, bool linkToCaller, CancellationToken cancellationToken)
    {
        var sameEmail = await users.FindByEmailAsync(invitation.Email);
        var samePerson = await users.FindByIdAsync(invitation.PersonId.ToString());
        if (samePerson is { Role: StaffRoles.Trainee } && invitation.Role == StaffRoles.Trainee && (sameEmail is null || sameEmail.Id == samePerson.Id))
        {
            // Signing in here already: nothing changes, and no new link is made.
            return samePerson.AgencyId == invitation.AgencyId && samePerson.Email == invitation.Email && samePerson.PasswordHash is not null
                ? (samePerson, "")
                : (samePerson, await MoveTraineeAsync(samePerson, invitation, invitedBy, linkToCaller, cancellationToken));
        }
        if (sameEmail is { PasswordHash: null, IsActive: true } waiting && samePerson is null
            && waiting.Role == invitation.Role && waiting.AgencyId == invitation.AgencyId)
        {
            return (waiting, await InviteAgainAsync(waiting, invitedBy, linkToCaller, cancellationToken));
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
        await audit.RecordAsync(SecurityEventKinds.UserInvited, invitedBy, user.Id.ToString(), user.AgencyId, user.Role, cancellationToken);
        return (user, await DeliverAsync(user, linkToCaller, cancellationToken));
    }

    /// <summary>
    /// Someone invited who has not set their password yet (their link was lost, ran out, or its e-mail failed): a new
    /// stamp ends the earlier link, and a new one goes out.
    /// </summary>
    private async Task<string> InviteAgainAsync(StaffUser waiting, string invitedBy, bool linkToCaller, CancellationToken cancellationToken)
    {
        await users.UpdateSecurityStampAsync(waiting);
        await audit.RecordAsync(SecurityEventKinds.InvitationSentAgain, invitedBy, waiting.Id.ToString(), waiting.AgencyId, waiting.Role, cancellationToken);
        return await DeliverAsync(waiting, linkToCaller, cancellationToken);
    }

    /// <summary>
    /// A trainee who moves to another agency (a returning user, a transfer) keeps their one sign-in, as they keep their
    /// person id: it moves to the new agency and e-mail, every open session ends, and the link sets a new password.
    /// </summary>
    private async Task<string> MoveTraineeAsync(StaffUser trainee, StaffInvitation invitation, string invitedBy, bool linkToCaller, CancellationToken cancellationToken)
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
        await audit.RecordAsync(SecurityEventKinds.UserMoved, invitedBy, trainee.Id.ToString(), trainee.AgencyId, trainee.Role, cancellationToken);
        return await DeliverAsync(trainee, linkToCaller, cancellationToken);
    }

    private async Task<string> DeliverAsync(StaffUser person, bool linkToCaller, CancellationToken cancellationToken)
    {
        var path = SignInPages.SetPasswordPathFor(person.Id, await users.GeneratePasswordResetTokenAsync(person));
        if (linkToCaller)
        {
            return path;
        }
        await mail.SendAsync(person, path, cancellationToken);
        return "";
    }
}
