using Grpc.Core;
using Hmis.Requests.V1;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Gateway.Domain;
using Microsoft.AspNetCore.Identity;

namespace HmisPlatform.Gateway.Staff;

/// <summary>
/// Naming an agency's ATA or Supervisor, which spans two services: the agency's record of them (Requests'
/// <c>AddAgencyAdministrator</c>) and their sign-in (the gateway's own invitation), with one new id for both. An
/// e-mail that can sign in already is refused before anything is written. When the invitation cannot go out after the
/// record is written, the record stands as "invited, password not set" and the HMIS team sends the invitation again,
/// which is also what doing the whole again comes to.
/// </summary>
public sealed class AdministratorAppointments(Agencies.AgenciesClient agencies, StaffInvitations invitations, UserManager<StaffUser> users)
{
    public const string AlreadySignsInReason = "ALREADY_SIGNS_IN";

    /// <summary>Names the administrator and e-mails their invitation; returns the invitation sent.</summary>
    /// <exception cref="DomainException">The e-mail or role is refused, or the e-mail can sign in already.</exception>
    /// <exception cref="RpcException">Requests refused the administrator (by field) or could not be reached.</exception>
    public async Task<StaffInvitation> AppointAsync(string agencyId, string fullName, string email, AdministratorRole role, string appointedBy, CallOptions options)
    {
        var invitation = StaffInvitation.Create(email, role == AdministratorRole.Ata ? StaffRoles.Ata : StaffRoles.Supervisor, agencyId, "");
        if (await users.FindByEmailAsync(invitation.Email) is not null)
        {
            throw DomainException.Invalid(AlreadySignsInReason, "This e-mail can sign in already.",
                new FieldViolation("email", "can sign in already", AlreadySignsInReason));
        }
        await agencies.AddAgencyAdministratorAsync(new AddAgencyAdministratorRequest
        {
            RequestId = Guid.NewGuid().ToString(), AgencyId = agencyId, PersonId = invitation.PersonId.ToString(),
            FullName = fullName, Email = invitation.Email, Role = role,
        }, options);
        await invitations.InviteAsync(invitation, appointedBy, linkToCaller: false, CancellationToken.None);
        return invitation;
    }
}
