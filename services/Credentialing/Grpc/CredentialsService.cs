using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hmis.Credentialing.V1;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Grpc;
using HmisPlatform.BuildingBlocks.Idempotency;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.Credentialing.Contracts;
using HmisPlatform.Credentialing.Domain.Accounts;
using HmisPlatform.Credentialing.Domain.Agreements;
using HmisPlatform.Credentialing.Domain.Applicants;
using HmisPlatform.Credentialing.Domain.HelpDesk;
using HmisPlatform.Credentialing.Domain.Provisioning;
using HmisPlatform.Credentialing.Infrastructure;
using HmisPlatform.Credentialing.IntegrationEvents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using AccountRoute = HmisPlatform.Credentialing.Domain.Accounts.AccountRoute;
using AccountStatus = HmisPlatform.Credentialing.Domain.Accounts.AccountStatus;

namespace HmisPlatform.Credentialing.Grpc;

/// <summary>The Credentials gRPC API.</summary>
public sealed partial class CredentialsService(
    CredentialingDbContext db,
    IdempotentCommands<CredentialingDbContext> commands,
    IHmisProvisioning provisioning,
    AccountIssuance issuance,
    IOptions<ActivationOptions> activation,
    IOptions<InactivityPolicy> inactivity,
    TimeProvider time)
    : Credentials.CredentialsBase
{

    [Authorize(Policy = PlatformIdentity.CredentialsRead)]
    public override async Task<GetPersonAccessResponse> GetPersonAccess(GetPersonAccessRequest request, ServerCallContext context)
    {
        var personId = Ids.Parse(request.PersonId, "person_id");
        var caller = context.Caller();
        // An agency's system sees its own agency's accounts of the person; the HMIS team sees them all; a trainee
        // sees only their own.
        var accounts = !caller.MayListPerson(personId) ? [] : await db.Accounts.AsNoTracking()
            .Where(a => a.PersonId == personId && (caller.IsHmisTeam || a.AgencyId == caller.AgencyId))
            .OrderByDescending(a => a.CreatedAt)
            .ToListAsync(context.CancellationToken);
        return new GetPersonAccessResponse { Accounts = { accounts.Select(a => a.ToMessage()) } };
    }

    [Authorize(Policy = PlatformIdentity.CredentialsWrite)]
    public override Task<SignEndUserAgreementResponse> SignEndUserAgreement(SignEndUserAgreementRequest request, ServerCallContext context) =>
        commands.RunAsync(request.RequestId, request, async ct =>
        {
            var account = await AccountAsync(request.AccountId, context, ct);
            var applicant = await db.Applicants.SingleAsync(a => a.PersonId == account.PersonId && a.AccessRequestId == account.AccessRequestId, ct);
            var now = time.GetStoredNow();
            account.SignAgreement(await db.CurrentAgreementAsync(ct), request.TypedFullName, applicant.FullName, context.Caller(), now);
            db.Publish(account.Signed(now));
            await db.SaveChangesAsync(ct);
            return new SignEndUserAgreementResponse { Account = account.ToMessage() };
        }, context.CancellationToken);

    [Authorize(Policy = PlatformIdentity.CredentialsWrite)]
    public override Task<ConfirmEndUserAgreementResponse> ConfirmEndUserAgreement(ConfirmEndUserAgreementRequest request, ServerCallContext context) =>
        commands.RunAsync(request.RequestId, request, async ct =>
        {
            var account = await AccountAsync(request.AccountId, context, ct);
            var now = time.GetStoredNow();
            account.ConfirmAgreement(context.Caller(), now);
            // The issued account consumes its credit: the one reserved at review, or a free one.
            var credits = await db.LockCreditsAsync(account.AgencyId, ct);
            var reservation = await db.CreditReservations.SingleOrDefaultAsync(r => r.AccessRequestId == account.AccessRequestId && r.PersonId == account.PersonId, ct);
            db.CreditLedger.Add(credits.Consume(reservation, account.AccessRequestId, account.PersonId, account.Id, context.Caller().Subject, now));
            db.Publish(account.CredentialsIssued(now));
            await db.SaveChangesAsync(ct);
            return new ConfirmEndUserAgreementResponse { Account = account.ToMessage() };
        }, context.CancellationToken);

    [Authorize(Policy = PlatformIdentity.CredentialsWrite)]
    public override async Task<RecordActivityResponse> RecordActivity(RecordActivityRequest request, ServerCallContext context)
    {
        context.Caller().EnsureHmisTeam("reports logins, for the HMIS");
        var account = await AccountAsync(request.AccountId, context, context.CancellationToken);
        account.RecordActivity(request.LastLoginAt?.ToDateTimeOffset());
        await db.SaveChangesAsync(context.CancellationToken);
        return new RecordActivityResponse { Account = account.ToMessage() };
    }

    [Authorize(Policy = PlatformIdentity.CredentialsWrite)]
    public override Task<DeactivateAccountResponse> DeactivateAccount(DeactivateAccountRequest request, ServerCallContext context) =>
        commands.RunAsync(request.RequestId, request, async ct =>
        {
            var account = await AccountAsync(request.AccountId, context, ct);
            var now = time.GetStoredNow();
            account.Deactivate(context.Caller(), request.Reason.ToDomain(), request.Note, now);
            db.Publish(account.AccessRemoved(now));
            await db.SaveChangesAsync(ct);
            return new DeactivateAccountResponse { Account = account.ToMessage() };
        }, context.CancellationToken);

    [Authorize(Policy = PlatformIdentity.CredentialsActivate)]
    public override async Task<IssueActivationTokenResponse> IssueActivationToken(IssueActivationTokenRequest request, ServerCallContext context)
    {
        // The service that e-mails the link belongs to no agency: it finds the account by id, and the account decides.
        var id = Ids.Parse(request.AccountId, "account_id");
        var mailer = context.Caller().IsPlatformService && context.GetHttpContext().User.HasScope(PlatformIdentity.CredentialsActivate);
        var account = mailer
            ? await db.Accounts.SingleOrDefaultAsync(a => a.Id == id, context.CancellationToken)
                ?? throw DomainException.NotFound("ACCOUNT_NOT_FOUND", "Nothing was found with that id.")
            : await AccountAsync(request.AccountId, context, context.CancellationToken);
        var token = account.IssueActivationToken(context.Caller(), mailer, time.GetStoredNow(), activation.Value.TokenLifetime);
        await db.SaveChangesAsync(context.CancellationToken);
        return new IssueActivationTokenResponse
        {
            Username = account.Username,
            ActivationToken = token,
            ExpiresAt = Timestamp.FromDateTimeOffset(account.ActivationTokenExpiresAt!.Value),
        };
    }

    [Authorize(Policy = PlatformIdentity.CredentialsWrite)]
    public override async Task<RedeemActivationTokenResponse> RedeemActivationToken(RedeemActivationTokenRequest request, ServerCallContext context)
    {
        context.Caller().EnsureHmisTeam("redeems activation tokens, for the HMIS");
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Username == request.Username.Trim().ToLowerInvariant(), context.CancellationToken)
            ?? throw HmisAccount.InvalidToken();
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        if (account.RedeemActivationToken(request.ActivationToken, context.Caller(), time.GetStoredNow()))
        {
            await provisioning.ProvisionAsync(account, context.CancellationToken);
        }
        await db.SaveChangesAsync(context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
        return new RedeemActivationTokenResponse { Account = account.ToMessage() };
    }

    [Authorize(Policy = PlatformIdentity.CredentialsRead)]
    public override async Task<FindPersonAccessByEmailResponse> FindPersonAccessByEmail(FindPersonAccessByEmailRequest request, ServerCallContext context)
    {
        var email = EmailAddress.Parse(request.Email, "email").Value;
        var caller = context.Caller();
        var accounts = await db.Accounts.AsNoTracking()
            .Where(a => a.Email == email && (caller.IsHmisTeam || a.AgencyId == caller.AgencyId))
            .OrderByDescending(a => a.CreatedAt)
            .ToListAsync(context.CancellationToken);
        return new FindPersonAccessByEmailResponse { Accounts = { accounts.Where(a => caller.MayListPerson(a.PersonId)).Select(a => a.ToMessage()) } };
    }

    [Authorize(Policy = PlatformIdentity.CredentialsRead)]
    public override async Task<FindPersonAccessResponse> FindPersonAccess(FindPersonAccessRequest request, ServerCallContext context)
    {
        context.Caller().EnsureHmisTeamOrPlatform("looks people up across agencies");
        var (email, username) = PersonLookup.Parse(request.Email, request.Username);
        // Every account of whoever matches, so a person whose email changed with their agency shows their whole history.
        var people = db.Accounts.Where(a => (email != null && a.Email == email) || (username != null && a.Username == username)).Select(a => a.PersonId);
        var accounts = await db.Accounts.AsNoTracking()
            .Where(a => people.Contains(a.PersonId))
            .OrderByDescending(a => a.CreatedAt)
            .ToListAsync(context.CancellationToken);
        return new FindPersonAccessResponse { Accounts = { accounts.Select(a => a.ToMessage()) } };
    }

    [Authorize(Policy = PlatformIdentity.CredentialsWrite)]
    public override Task<NotifyHelpDeskResponse> NotifyHelpDesk(NotifyHelpDeskRequest request, ServerCallContext context) =>
        commands.RunAsync(request.RequestId, request, async ct =>
        {
            var applicant = await ApprovedPersonAsync(request.AccessRequestId, request.PersonId, context, ct);
            var notification = await db.HelpDeskRequests.SingleOrDefaultAsync(r => r.AccessRequestId == applicant.AccessRequestId && r.PersonId == applicant.PersonId, ct);
            if (notification is null)
            {
                var now = time.GetStoredNow();
                notification = HelpDeskRequest.Notify(applicant, context.Caller(), now);
                db.HelpDeskRequests.Add(notification);
                db.Publish(notification.Notified(now));
                await db.SaveChangesAsync(ct);
            }
            return new NotifyHelpDeskResponse { Notification = notification.ToMessage() };
        }, context.CancellationToken);

    [Authorize(Policy = PlatformIdentity.CredentialsWrite)]
    public override Task<GrantHelpDeskAccessResponse> GrantHelpDeskAccess(GrantHelpDeskAccessRequest request, ServerCallContext context) =>
        commands.RunAsync(request.RequestId, request, async ct =>
        {
            var applicant = await ApprovedPersonAsync(request.AccessRequestId, request.PersonId, context, ct);
            var notification = await db.HelpDeskRequests.SingleOrDefaultAsync(r => r.AccessRequestId == applicant.AccessRequestId && r.PersonId == applicant.PersonId, ct)
                ?? throw DomainException.Precondition(HelpDeskRequest.NotNotifiedReason, "The ATA has not notified the Help Desk for this person.",
                    new PreconditionViolation("HELP_DESK_NOTIFICATION", $"access-requests/{applicant.AccessRequestId}/people/{applicant.PersonId}", "missing"));
            var now = time.GetStoredNow();
            var account = notification.Grant(context.Caller(), now)
                ? await issuance.IssueOrExtendAsync(applicant, AccountRoute.HelpDesk, context.Caller().AsActor(), now, ct)
                : await db.Accounts.SingleAsync(a => a.PersonId == applicant.PersonId && a.AgencyId == applicant.AgencyId && a.Status != AccountStatus.Removed, ct);
            await db.SaveChangesAsync(ct);
            return new GrantHelpDeskAccessResponse { Notification = notification.ToMessage(), Account = account.ToMessage() };
        }, context.CancellationToken);

    [Authorize(Policy = PlatformIdentity.CredentialsRead)]
    public override async Task<ListAccountChangesResponse> ListAccountChanges(ListAccountChangesRequest request, ServerCallContext context)
    {
        var account = await AccountAsync(request.AccountId, context, context.CancellationToken);
        var changes = await db.AccountChanges.AsNoTracking().Where(c => c.AccountId == account.Id).OrderBy(c => c.Id).ToListAsync(context.CancellationToken);
        return new ListAccountChangesResponse { Changes = { changes.Select(c => c.ToMessage()) } };
    }

    [Authorize(Policy = PlatformIdentity.CredentialsRead)]
    public override async Task<ListHelpDeskRequestsResponse> ListHelpDeskRequests(ListHelpDeskRequestsRequest request, ServerCallContext context)
    {
        context.Caller().EnsureHmisTeam("works the Help Desk's queue");
        var waiting = db.HelpDeskRequests.AsNoTracking().Where(r => r.GrantedAt == null);
        var oldest = await waiting.OrderBy(r => r.NotifiedAt).ThenBy(r => r.AccessRequestId).ThenBy(r => r.PersonId)
            .Take(Paging.Size(request.PageSize, defaultSize: 50, maxSize: 200)).ToListAsync(context.CancellationToken);
        return new ListHelpDeskRequestsResponse
        {
            Notifications = { oldest.Select(r => r.ToMessage()) },
            Total = await waiting.CountAsync(context.CancellationToken),
        };
    }

    /// <summary>An account by its id, as the caller may see it: their agency's, or their own when a trainee.</summary>
    private async Task<HmisAccount> AccountAsync(string accountId, ServerCallContext context, CancellationToken cancellationToken)
    {
        var id = Ids.Parse(accountId, "account_id");
        return context.Caller().EnsureMayRead(
            await db.Accounts.SingleOrDefaultAsync(a => a.Id == id, cancellationToken), a => a.AgencyId, a => a.PersonId, "ACCOUNT");
    }

    /// <summary>The approved person of a request, as the caller may see them; another agency's answer like a missing one.</summary>
    private async Task<Applicant> ApprovedPersonAsync(string accessRequestId, string personId, ServerCallContext context, CancellationToken cancellationToken)
    {
        var requestId = Ids.Parse(accessRequestId, "access_request_id");
        var person = Ids.Parse(personId, "person_id");
        return context.Caller().EnsureMayRead(
            await db.Applicants.SingleOrDefaultAsync(a => a.AccessRequestId == requestId && a.PersonId == person, cancellationToken), a => a.AgencyId, a => a.PersonId, "APPROVED_PERSON");
    }

    [Authorize(Policy = PlatformIdentity.CredentialsRead)]
    public override async Task<GetCurrentAgreementResponse> GetCurrentAgreement(GetCurrentAgreementRequest request, ServerCallContext context) =>
        new() { Agreement = (await db.CurrentAgreementAsync(context.CancellationToken)).ToMessage() };

    [Authorize(Policy = PlatformIdentity.CredentialsWrite)]
    public override async Task<PublishAgreementVersionResponse> PublishAgreementVersion(PublishAgreementVersionRequest request, ServerCallContext context)
    {
        var caller = context.Caller().EnsureHmisTeam("publishes agreement versions");
        var agreement = EndUserAgreement.Publish(request.Version, request.Text, caller.Subject, time.GetStoredNow());
        if (await db.Agreements.AnyAsync(a => a.Version == agreement.Version, context.CancellationToken))
        {
            throw new DomainException(ErrorKind.AlreadyExists, EndUserAgreement.VersionExistsReason, "That version exists; versions are never reused.");
        }
        db.Agreements.Add(agreement);
        await db.SaveChangesAsync(context.CancellationToken);
        return new PublishAgreementVersionResponse { Agreement = agreement.ToMessage() };
    }

    [Authorize(Policy = PlatformIdentity.CredentialsRead)]
    public override async Task<ListAccountsNearRemovalResponse> ListAccountsNearRemoval(ListAccountsNearRemovalRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var policy = inactivity.Value;
        var within = policy.NearWithin(request.WithinDays);
        var now = time.GetUtcNow();
        var (warnBefore, removeBefore) = (policy.WarningReachedIfActiveBefore(now, within), policy.RemovalReachedIfActiveBefore(now, within));
        var agency = caller.AgencyToList(request.AgencyId.Length > 0 ? Ids.Parse(request.AgencyId, "agency_id") : null);
        var active = db.Accounts.AsNoTracking().Where(a => a.Status == AccountStatus.Active && (agency == null || a.AgencyId == agency));
        // The inactivity clock runs from the last login, or the activation when there was none (InactivityPolicy).
        var near = active.Select(a => new { Account = a, Since = a.LastActivityAt ?? a.ActivatedAt ?? a.CreatedAt }).Where(a => a.Since <= warnBefore);
        var size = Paging.Size(request.PageSize, defaultSize: 20, maxSize: 100);
        var soonest = await near.OrderBy(a => a.Since).ThenBy(a => a.Account.Id).Select(a => a.Account).Take(size).ToListAsync(context.CancellationToken);
        return new ListAccountsNearRemovalResponse
        {
            ReachingWarning = await near.CountAsync(a => a.Account.InactivityWarnedAt == null && a.Since > removeBefore, context.CancellationToken),
            ReachingRemoval = await near.CountAsync(a => a.Since <= removeBefore, context.CancellationToken),
            Accounts =
            {
                soonest.Where(a => caller.MayListPerson(a.PersonId)).Select(a => new AccountNearRemoval
                {
                    AccountId = a.Id.ToString(), PersonId = a.PersonId.ToString(), AgencyId = a.AgencyId.ToString(), Username = a.Username,
                    LastActivityAt = Timestamp.FromDateTimeOffset(a.LastActivityAt ?? a.ActivatedAt ?? a.CreatedAt),
                    WarningAt = Timestamp.FromDateTimeOffset(a.InactivityWarnedAt ?? policy.WarningDue(a)),
                    RemovalAt = Timestamp.FromDateTimeOffset(policy.RemovalDue(a)),
                }),
            },
        };
    }

    [Authorize(Policy = PlatformIdentity.CredentialsRead)]
    public override async Task<ListAccountsToResignResponse> ListAccountsToResign(ListAccountsToResignRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        Guid? agency = request.AgencyId.Length == 0 ? null : caller.EnsureMayReadAgency(Ids.Parse(request.AgencyId, "agency_id"));
        var current = await db.CurrentAgreementAsync(context.CancellationToken);
        var accounts = await db.Accounts.AsNoTracking()
            .Where(a => a.Status == AccountStatus.Active && a.AgreementVersion != current.Version)
            .Where(a => agency == null ? caller.IsHmisTeam || a.AgencyId == caller.AgencyId : a.AgencyId == agency)
            .OrderBy(a => a.AgencyId).ThenBy(a => a.Username)
            .ToListAsync(context.CancellationToken);
        return new ListAccountsToResignResponse { CurrentVersion = current.Version, Accounts = { accounts.Where(a => caller.MayListPerson(a.PersonId)).Select(a => a.ToMessage()) } };
    }
}
