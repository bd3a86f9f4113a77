using Hmis.Events.V1;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.Credentialing.Domain.Accounts;
using HmisPlatform.Credentialing.Grpc;
using HmisPlatform.Credentialing.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Credentialing.IntegrationEvents;

/// <summary>A passed assignment creates the person's account, which waits for the End User Agreement.</summary>
public sealed class IssuePendingAccount(CredentialingDbContext db, TimeProvider time) : IEventHandler<AssessmentPassed>
{
    public async Task HandleAsync(AssessmentPassed integrationEvent, CancellationToken cancellationToken)
    {
        var personId = Guid.Parse(integrationEvent.PersonId);
        var accessRequestId = Guid.Parse(integrationEvent.AccessRequestId);
        // Not there yet means AccessRequestApproved is still on its way: failing leaves this event for a retry.
        var applicant = await db.Applicants.SingleOrDefaultAsync(a => a.PersonId == personId && a.AccessRequestId == accessRequestId, cancellationToken)
            ?? throw new InvalidOperationException("The approval of this person has not arrived yet.");
        var baseName = Usernames.Base(applicant.GivenName, applicant.FamilyName);
        var taken = await db.Accounts.Where(a => a.Username.StartsWith(baseName)).Select(a => a.Username).ToListAsync(cancellationToken);
        var now = time.GetStoredNow();
        var account = HmisAccount.Issue(applicant, Usernames.FirstFree(baseName, taken.ToHashSet()), now);
        db.Accounts.Add(account);
        db.Publish(account.PendingAgreement(now));
    }
}
