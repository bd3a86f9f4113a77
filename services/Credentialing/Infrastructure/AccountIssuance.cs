using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.Credentialing.Domain.Accounts;
using HmisPlatform.Credentialing.Domain.Applicants;
using HmisPlatform.Credentialing.Domain.Credits;
using HmisPlatform.Credentialing.IntegrationEvents;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Credentialing.Infrastructure;

/// <summary>
/// Every route into step 4 ends here (a passed or waived assessment, a full transfer, the Help Desk): the person's account
/// is created and waits for the End User Agreement, or, when they have a live account at the agency already, that account
/// gains the request's project types, no credit is used, and the request is told the person is done. Two issuances
/// racing for one person both insert; the database's unique index lets one win.
/// </summary>
public sealed class AccountIssuance(CredentialingDbContext db)
{
    public async Task<HmisAccount> IssueOrExtendAsync(Applicant applicant, AccountRoute route, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var live = await db.Accounts.SingleOrDefaultAsync(a => a.PersonId == applicant.PersonId && a.AgencyId == applicant.AgencyId
            && a.Status != AccountStatus.Removed, cancellationToken);
        if (live is not null)
        {
            live.GrantProjectTypes(applicant.ProjectTypes, actor, now);
            // No new account, so no credit: one held for this request and person goes back, and the request hears
            // that this person is done.
            var held = await db.CreditReservations.SingleOrDefaultAsync(r => r.AccessRequestId == applicant.AccessRequestId && r.PersonId == applicant.PersonId
                && r.Status == ReservationStatus.Held, cancellationToken);
            if (held is not null)
            {
                var credits = await db.LockCreditsAsync(applicant.AgencyId, cancellationToken);
                db.CreditLedger.Add(credits.Release(held, "existing account extended", actor.Subject, now));
            }
            db.Publish(live.Extended(applicant.AccessRequestId, now));
            return live;
        }
        var baseName = Usernames.Base(applicant.GivenName, applicant.FamilyName);
        var taken = await db.Accounts.Where(a => a.Username.StartsWith(baseName)).Select(a => a.Username).ToListAsync(cancellationToken);
        var account = HmisAccount.Issue(applicant, Usernames.FirstFree(baseName, taken.ToHashSet()), route, actor, now);
        db.Accounts.Add(account);
        db.Publish(account.PendingAgreement(now));
        return account;
    }
}
