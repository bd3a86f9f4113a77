using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hmis.Gateway.V1;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Grpc;
using HmisPlatform.Gateway.Domain;
using HmisPlatform.Gateway.Security;
using HmisPlatform.Gateway.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;

namespace HmisPlatform.Gateway.Grpc;

/// <summary>The HMIS team's view of the people who sign in, and their deactivation; trainees' sign-ins also come from the platform.</summary>
public sealed class StaffAccountsService(
    UserManager<StaffUser> users, StaffInvitations invitations, IOpenIddictTokenManager tokens, SecurityAudit audit, TimeProvider time)
    : StaffAccounts.StaffAccountsBase
{
    public const string AccountNotFoundReason = "STAFF_ACCOUNT_NOT_FOUND";
    public const string AccountExistsReason = StaffInvitations.AccountExistsReason;

    [Authorize(Policy = GatewayPolicies.InvitesPeople)]
    public override async Task<InviteStaffAccountResponse> InviteStaffAccount(InviteStaffAccountRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var invitation = StaffInvitation.Create(request.Email, request.Role, request.AgencyId, request.PersonId).EnsureMayInvite(caller);
        var (user, path) = await invitations.InviteAsync(invitation, caller.Subject, invitation.LinkGoesToCaller(caller), context.CancellationToken);
        return new InviteStaffAccountResponse { Account = ToMessage(user), InvitationPath = path };
    }

    [Authorize(Policy = GatewayPolicies.HmisTeam)]
    public override async Task<ListStaffAccountsResponse> ListStaffAccounts(ListStaffAccountsRequest request, ServerCallContext context)
    {
        Guid? agency = request.AgencyId.Length == 0 ? null : Ids.Parse(request.AgencyId, "agency_id");
        var accounts = await users.Users
            .Where(u => agency == null || u.AgencyId == agency)
            .OrderBy(u => u.Email)
            .ToListAsync(context.CancellationToken);
        return new ListStaffAccountsResponse { Accounts = { accounts.Select(ToMessage) } };
    }

    [Authorize(Policy = GatewayPolicies.HmisTeam)]
    public override async Task<DeactivateStaffAccountResponse> DeactivateStaffAccount(DeactivateStaffAccountRequest request, ServerCallContext context)
    {
        var id = Ids.Parse(request.UserId, "user_id");
        var reason = StatedReason.Parse(request.Reason);
        var user = await users.FindByIdAsync(id.ToString())
            ?? throw DomainException.NotFound(AccountNotFoundReason, "No account has that id.");
        if (user.IsActive)
        {
            user.DeactivatedAt = time.GetUtcNow();
            // A new stamp invalidates every session of the person at its next request.
            await users.UpdateSecurityStampAsync(user);
            await tokens.RevokeBySubjectAsync(user.Id.ToString(), context.CancellationToken);
            await audit.RecordWithStatedReasonAsync(SecurityEventKinds.UserDeactivated, context.Caller().Subject, user.Id.ToString(), user.AgencyId, reason, context.CancellationToken);
        }
        return new DeactivateStaffAccountResponse { Account = ToMessage(user) };
    }

    private static StaffAccount ToMessage(StaffUser user)
    {
        var message = new StaffAccount
        {
            UserId = user.Id.ToString(),
            Email = user.Email ?? "",
            Role = user.Role,
            AgencyId = user.AgencyId?.ToString() ?? "",
            TwoFactorEnabled = user.TwoFactorEnabled,
        };
        if (user.DeactivatedAt is { } at)
        {
            message.DeactivatedAt = Timestamp.FromDateTimeOffset(at);
        }
        return message;
    }
}
