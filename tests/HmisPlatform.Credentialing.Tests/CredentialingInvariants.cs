using HmisPlatform.Credentialing.Domain.Accounts;
using HmisPlatform.Credentialing.Domain.Credits;
using HmisPlatform.Credentialing.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Credentialing.Tests;

/// <summary>
/// What must hold of an agency's accounts and credits whatever happened: every active account has its whole
/// chain (an approval, the route it came by: a passed assessment, a full transfer or the Help Desk, a signed and
/// confirmed agreement), every
/// account that went live consumed exactly one credit, and the balance adds up to the ledger.
/// </summary>
public static class CredentialingInvariants
{
    public static async Task AssertHoldAsync(CredentialingDbContext db, Guid agencyId)
    {
        var accounts = await db.Accounts.AsNoTracking().Where(a => a.AgencyId == agencyId).ToListAsync();
        var approvals = (await db.Applicants.AsNoTracking().Where(a => a.AgencyId == agencyId).Select(a => new { a.PersonId, a.AccessRequestId }).ToListAsync())
            .Select(a => (a.PersonId, a.AccessRequestId)).ToHashSet();
        foreach (var account in accounts.Where(a => a.Status == AccountStatus.Active))
        {
            // Accounts are created only from AssessmentPassed (or a waiver), for an approved person: the approval must be here.
            Assert.Contains((account.PersonId, account.AccessRequestId), approvals);
            // ...and it went through step 2 and 3 or a rule's waiver of them: the route says which.
            Assert.NotEqual(AccountRoute.Unspecified, account.Route);
            Assert.NotNull(account.AgreementVersion);
            Assert.NotNull(account.AgreementTextHash);
            Assert.NotNull(account.AgreementSignedAt);
            Assert.NotNull(account.AgreementConfirmedAt);
            Assert.False(string.IsNullOrEmpty(account.AgreementConfirmedBy));
            Assert.NotNull(account.ActivatedAt);
        }

        var consumptions = await db.CreditLedger.AsNoTracking()
            .Where(e => e.AgencyId == agencyId && e.Kind == CreditEntryKind.Consumption)
            .ToListAsync();
        var wentLive = accounts.Where(a => a.ActivatedAt is not null).Select(a => a.Id).ToHashSet();
        Assert.Equal(wentLive.Count, consumptions.Count);
        Assert.All(wentLive, id => Assert.Single(consumptions, c => c.AccountId == id));

        var credits = await db.AgencyCredits.AsNoTracking().SingleOrDefaultAsync(c => c.AgencyId == agencyId);
        if (credits is not null)
        {
            var purchased = await db.CreditLedger.Where(e => e.AgencyId == agencyId && e.Kind == CreditEntryKind.Purchase).SumAsync(e => e.Credits);
            Assert.Equal(purchased, credits.Purchased);
            Assert.Equal(consumptions.Count, credits.Consumed);
            Assert.Equal(credits.Purchased, credits.Available + credits.Reserved + credits.Consumed);
        }
    }
}
