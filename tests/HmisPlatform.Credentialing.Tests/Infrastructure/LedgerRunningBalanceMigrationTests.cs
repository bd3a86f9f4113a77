using HmisPlatform.Credentialing.Infrastructure;
using HmisPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HmisPlatform.Credentialing.Tests.Infrastructure;

/// <summary>
/// The ledger lines written before the running balance existed get theirs from the migration, agency by agency: a
/// consumption took a free credit only when the person held no reservation on the request at the time.
/// </summary>
public sealed class LedgerRunningBalanceMigrationTests
{
    private const string BeforeTheBalance = "20261206111128_Initial";

    [Fact]
    public async Task LinesWrittenBefore_GetTheBalanceTheyLeft_PerAgency()
    {
        var servers = await LocalServers.GetAsync();
        var options = new DbContextOptionsBuilder<CredentialingDbContext>()
            .UseNpgsql($"{servers.Postgres};Database=ledger_backfill_{Guid.NewGuid():N};Pooling=false").UseSnakeCaseNamingConvention().Options;
        await using var db = new CredentialingDbContext(options);
        await db.GetService<IMigrator>().MigrateAsync(BeforeTheBalance);
        try
        {
            Guid lakeview = Guid.NewGuid(), southside = Guid.NewGuid(), request = Guid.NewGuid(), dana = Guid.NewGuid(), omar = Guid.NewGuid(), noor = Guid.NewGuid();
            // kind: 1 purchase, 2 reservation, 3 consumption, 4 release.
            (Guid Agency, int Kind, int Credits, Guid? Person)[] lines =
            [
                (lakeview, 1, 3, null),
                (southside, 1, 5, null),
                (lakeview, 2, 1, dana),
                (lakeview, 2, 1, omar),
                (lakeview, 3, 1, dana), // Dana's reservation consumed: the free credits do not change.
                (lakeview, 4, 1, omar), // Omar's reservation given back.
                (lakeview, 3, 1, omar), // Omar's account later, with no reservation held: a free credit.
                (southside, 3, 1, noor), // No reservation at all: a free credit.
            ];
            foreach (var (agency, kind, credits, person) in lines)
            {
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO credit_ledger (agency_id, kind, credits, access_request_id, person_id, account_id, recorded_by, recorded_at)
                    VALUES ({agency}, {kind}, {credits}, {(person is null ? null : request)}, {person}, {(kind == 3 ? Guid.NewGuid() : null)}, 'test', now())
                    """);
            }

            await db.Database.MigrateAsync();

            var balances = await db.CreditLedger.AsNoTracking().OrderBy(e => e.Sequence).Select(e => e.AvailableAfter).ToListAsync();
            Assert.Equal([3, 5, 2, 1, 1, 2, 1, 4], balances);
        }
        finally
        {
            await db.Database.EnsureDeletedAsync();
        }
    }
}
