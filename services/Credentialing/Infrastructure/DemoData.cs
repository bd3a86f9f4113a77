using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Credentialing.Infrastructure;

/// <summary>
/// A Development run's demo credits: the demo agencies of the Requests service's demo data (Lakeview, Southside)
/// have bought credits, so their new users' accounts can be issued.
/// </summary>
public static class DemoData
{
    public static readonly Guid LakeviewAgencyId = Guid.Parse("0b6f3a51-2d6e-4a4e-9a54-6f0f8d1a0001");
    public static readonly Guid SouthsideAgencyId = Guid.Parse("0b6f3a51-2d6e-4a4e-9a54-6f0f8d1a0002");

    private const string SeededBy = "demo-data";

    public static async Task SeedAsync(CredentialingDbContext db, CancellationToken cancellationToken)
    {
        foreach (var (agency, credits) in new[] { (LakeviewAgencyId, 200), (SouthsideAgencyId, 50) })
        {
            if (await db.CreditLedger.AnyAsync(e => e.AgencyId == agency && e.RecordedBy == SeededBy, cancellationToken))
            {
                continue;
            }
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var balance = await db.LockCreditsAsync(agency, cancellationToken);
            db.CreditLedger.Add(balance.Purchase(credits, "Demo purchase", SeededBy, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
