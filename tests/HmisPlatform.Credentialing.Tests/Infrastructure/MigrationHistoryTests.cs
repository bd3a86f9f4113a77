using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.Credentialing.Infrastructure;
using HmisPlatform.Credentialing.Tests.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HmisPlatform.Credentialing.Tests.Infrastructure;

/// <summary>The migration step refuses a database made by migrations this version does not have, and changes nothing in it.</summary>
public sealed class MigrationHistoryTests(CredentialingFixture service) : IClassFixture<CredentialingFixture>
{
    [Fact]
    public async Task ADatabaseOfThisVersion_MigratesAgain_ChangingNothing()
    {
        await DatabaseMigrations.MigrateAsync<CredentialingDbContext>(service.Services);

        var known = await service.QueryAsync(db => Task.FromResult(db.Database.GetMigrations().ToList()));
        Assert.Equal(known, await service.QueryAsync(db => db.Database.GetAppliedMigrationsAsync()));
    }

    [Fact]
    public async Task ADatabaseMadeByMigrationsThisVersionDoesNotHave_IsRefused_NamingThem_AndLeftAsItWas()
    {
        var history = new HistoryRow("20261201014715_Initial", "10.0.0");
        await service.QueryAsync(db => db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetInsertScript(history)));
        try
        {
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => DatabaseMigrations.MigrateAsync<CredentialingDbContext>(service.Services));

            Assert.StartsWith(DatabaseMigrations.UnknownMigrationsReason, refused.Message, StringComparison.Ordinal);
            Assert.Contains(history.MigrationId, refused.Message, StringComparison.Ordinal);
            var known = await service.QueryAsync(db => Task.FromResult(db.Database.GetMigrations().Count()));
            Assert.Equal(known + 1, (await service.QueryAsync(db => db.Database.GetAppliedMigrationsAsync())).Count());
        }
        finally
        {
            await service.QueryAsync(db => db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetDeleteScript(history.MigrationId)));
        }
    }

    [Fact]
    public async Task WaitingForMigrations_OnADatabaseOfThisVersion_ReturnsAtOnce()
    {
        await DatabaseMigrations.MigrateAsync<CredentialingDbContext>(service.Services);

        await DatabaseMigrations.WaitForMigrationsAsync<CredentialingDbContext>(service.Services, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task WaitingForMigrations_WhileOneIsPending_WaitsUntilItIsApplied_AndTimesOutWithoutIt()
    {
        await DatabaseMigrations.MigrateAsync<CredentialingDbContext>(service.Services);
        var last = await service.QueryAsync(db => Task.FromResult(db.Database.GetMigrations().Last()));
        var history = new HistoryRow(last, "10.0.0");
        await service.QueryAsync(db => db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetDeleteScript(last)));
        try
        {
            await Assert.ThrowsAsync<TimeoutException>(() =>
                DatabaseMigrations.WaitForMigrationsAsync<CredentialingDbContext>(service.Services, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(100)));

            var waiting = DatabaseMigrations.WaitForMigrationsAsync<CredentialingDbContext>(service.Services, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100));
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            Assert.False(waiting.IsCompleted);
            await service.QueryAsync(db => db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetInsertScript(history)));
            await waiting;
        }
        finally
        {
            // Whatever the test got to, the history ends as it was: with the row.
            await service.QueryAsync(db => db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetDeleteScript(last)));
            await service.QueryAsync(db => db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetInsertScript(history)));
        }
    }
}
