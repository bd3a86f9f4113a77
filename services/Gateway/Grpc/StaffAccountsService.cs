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

    [Authorize(Policy = GatewayPolicies.ImportsData)]
    public override async Task<ImportStaffAccountsResponse> ImportStaffAccounts(ImportStaffAccountsRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var checkedRows = new List<(ImportRowOutcome Outcome, StaffInvitation? Invitation)>();
        var inFile = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in request.Accounts)
        {
            StaffInvitation? invitation = null;
            var outcome = ImportBatch.Row(row.Line, () =>
            {
                invitation = StaffImport.Check(row.Email, row.Role, row.AgencyId, row.PersonId);
                if (!inFile.Add(invitation.Email))
                {
                    throw DomainException.Invalid(ImportBatch.DuplicateInFileReason, "The file names this person twice.",
                        new FieldViolation("email", "named on an earlier line", ImportBatch.DuplicateInFileReason));
                }
                return ImportRowOutcome.Made(row.Line, invitation.PersonId, isNew: true, changed: true);
            }, field => field == "agency_id" ? "agency_name" : field);
            if (invitation is not null && outcome.Outcome == ImportOutcome.New)
            {
                var sameEmail = await users.FindByEmailAsync(invitation.Email);
                var samePerson = await users.FindByIdAsync(invitation.PersonId.ToString());
                var existing = sameEmail ?? samePerson;
                outcome = existing is null ? outcome
                    : sameEmail == samePerson && invitation.IsSameAs(existing.Id, existing.Email, existing.Role, existing.AgencyId)
                        ? outcome with { Outcome = ImportOutcome.Unchanged }
                        : ImportRowOutcome.Refused(row.Line, new FieldViolation("email", "signs in already as someone else, or in another role or agency", AccountExistsReason));
            }
            checkedRows.Add((outcome, invitation));
        }
        var applied = request.Mode.Applies(checkedRows.Select(r => r.Outcome));
        if (applied)
        {
            // Each new person is invited once: their link is e-mailed to them, and a second run finds them unchanged.
            foreach (var (_, invitation) in checkedRows.Where(r => r.Outcome.Outcome == ImportOutcome.New))
            {
                await invitations.InviteAsync(invitation!, context.Caller().Subject, linkToCaller: false, ct);
            }
        }
        return new ImportStaffAccountsResponse { Accounts = { checkedRows.Select(r => r.Outcome.ToMessage()) }, Applied = applied };
    }

    [Authorize(Policy = GatewayPolicies.ImportsData)]
    public override async Task<RecordImportRunResponse> RecordImportRun(RecordImportRunRequest request, ServerCallContext context)
    {
        var summary = string.Join("; ", request.Files.Select(f =>
            $"{ImportRunSummary.FileName(f.File)}: {f.New} new, {f.Updated} updated, {f.Unchanged} unchanged, {f.Refused} refused"));
        await audit.RecordAsync(request.DryRun ? SecurityEventKinds.DataImportChecked : SecurityEventKinds.DataImported, context.Caller().Subject,
            request.SkippedBadRows ? "import (bad rows skipped)" : "import", detail: summary, cancellationToken: context.CancellationToken);
        return new RecordImportRunResponse();
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
