using Grpc.Core;
using Hmis.Credentialing.V1;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Idempotency;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.Credentialing.Domain.Agreements;
using HmisPlatform.Credentialing.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Credentialing.Grpc;

/// <summary>The Credentials gRPC API.</summary>
public sealed class CredentialsService(CredentialingDbContext db, IdempotentCommands<CredentialingDbContext> commands, TimeProvider time)
    : Credentials.CredentialsBase
{
    public const string AccountNotFoundReason = "ACCOUNT_NOT_FOUND";

    [Authorize(Policy = PlatformIdentity.CredentialsRead)]
    public override async Task<GetPersonAccessResponse> GetPersonAccess(GetPersonAccessRequest request, ServerCallContext context)
    {
        var personId = Ids.Parse(request.PersonId, "person_id");
        var accounts = await db.Accounts.AsNoTracking()
            .Where(a => a.PersonId == personId)
            .OrderByDescending(a => a.CreatedAt)
            .ToListAsync(context.CancellationToken);
        return new GetPersonAccessResponse { Accounts = { accounts.Select(a => a.ToMessage()) } };
    }

    [Authorize(Policy = PlatformIdentity.CredentialsWrite)]
    public override Task<SignEndUserAgreementResponse> SignEndUserAgreement(SignEndUserAgreementRequest request, ServerCallContext context) =>
        commands.RunAsync(request.RequestId, request, async ct =>
        {
            var accountId = Ids.Parse(request.AccountId, "account_id");
            var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == accountId, ct)
                ?? throw DomainException.NotFound(AccountNotFoundReason, "No such account.");
            var applicant = await db.Applicants.SingleAsync(a => a.PersonId == account.PersonId && a.AccessRequestId == account.AccessRequestId, ct);
            var now = time.GetUtcNow();
            account.SignAgreement(EndUserAgreement.Current, request.TypedFullName, applicant.FullName, now);
            db.Publish(account.Signed(now));
            db.Publish(account.CredentialsIssued(now));
            await db.SaveChangesAsync(ct);
            return new SignEndUserAgreementResponse { Account = account.ToMessage() };
        }, context.CancellationToken);
}
