using Hmis.Events.V1;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.Credentialing.Domain.Accounts;
using HmisPlatform.Credentialing.Grpc;
using HmisPlatform.Credentialing.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Credentialing.IntegrationEvents;

/// <summary>
/// A passed assignment creates the person's account, which waits for the End User Agreement. A person has at most
/// one live account per agency: when they have one (new project access), it gains the request's project types
/// instead. Two passes racing for one person both try to insert; the database's unique index lets one win, the
/// other's delivery fails and is retried, and then finds the winner's account.
/// </summary>
public sealed class IssuePendingAccount(CredentialingDbContext db, TimeProvider time) : IEventHandler<AssessmentPassed>
{
    public async Task HandleAsync(AssessmentPassed integrationEvent, CancellationToken cancellationToken)
    {
        var personId = Guid.Parse(integrationEvent.PersonId);
        var accessRequestId = Guid.Parse(integrationEvent.AccessRequestId);
        // Not there yet means AccessRequestApproved is still on its way: failing leaves this event for a retry.
        var applicant = await db.Applicants.SingleOrDefaultAsync(a => a.PersonId == personId && a.AccessRequestId == accessRequestId, cancellationToken)
            ?? throw new InvalidOperationException("The approval of this person has not arrived yet.");
        var live = await db.Accounts.SingleOrDefaultAsync(a => a.PersonId == personId && a.AgencyId == applicant.AgencyId
            && a.Status != Hmis.Credentialing.V1.AccountStatus.Removed, cancellationToken);
        if (live is not null)
        {
            live.GrantProjectTypes(applicant.ProjectTypes);
            return;
        }
        var baseName = Usernames.Base(applicant.GivenName, applicant.FamilyName);
        var taken = await db.Accounts.Where(a => a.Username.StartsWith(baseName)).Select(a => a.Username).ToListAsync(cancellationToken);
        var now = time.GetStoredNow();
        var account = HmisAccount.Issue(applicant, Usernames.FirstFree(baseName, taken.ToHashSet()), now);
        db.Accounts.Add(account);
        db.Publish(account.PendingAgreement(now));
    }
}
