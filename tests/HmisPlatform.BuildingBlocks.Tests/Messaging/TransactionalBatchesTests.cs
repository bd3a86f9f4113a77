using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.BuildingBlocks.Tests.Fakes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HmisPlatform.BuildingBlocks.Tests.Messaging;

/// <summary>A sweep's batch that loses a deadlock race is rolled back whole and tried again; one that fails for a reason of its own is not.</summary>
public sealed class TransactionalBatchesTests(MessagingFixture messaging) : IClassFixture<MessagingFixture>
{
    [Fact]
    public async Task ABatchThatLosesADeadlockRace_IsTriedAgainInAFreshTransaction_AndItsChangeIsMadeOnce()
    {
        var widget = Guid.NewGuid();
        var tries = 0;

        await Scopes.RunAsync<MessagingTestDbContext>(messaging.Services.GetRequiredService<OutboxSignal>(), async (db, _, ct) =>
        {
            tries++;
            db.Widgets.Add(new Widget(widget, "swept once"));
            await db.SaveChangesAsync(ct);
            if (tries == 1)
            {
                // Postgres chose this transaction as the deadlock's victim after its rows were written.
                throw new PostgresException("deadlock detected", "ERROR", "ERROR", PostgresErrorCodes.DeadlockDetected);
            }
            return false;
        }, CancellationToken.None);

        Assert.Equal(2, tries);
        Assert.Equal(1, await messaging.QueryAsync(db => db.Widgets.CountAsync(w => w.Id == widget)));
    }

    [Fact]
    public async Task ABatchThatFailsForAReasonOfItsOwn_IsNotTriedAgain_AndChangesNothing()
    {
        var widget = Guid.NewGuid();
        var tries = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(() => Scopes.RunAsync<MessagingTestDbContext>(messaging.Services.GetRequiredService<OutboxSignal>(), async (db, _, ct) =>
        {
            tries++;
            db.Widgets.Add(new Widget(widget, "never"));
            await db.SaveChangesAsync(ct);
            throw new InvalidOperationException("a bug in the sweep");
        }, CancellationToken.None));

        Assert.Equal(1, tries);
        Assert.Equal(0, await messaging.QueryAsync(db => db.Widgets.CountAsync(w => w.Id == widget)));
    }

    private IServiceScopeFactory Scopes => messaging.Services.GetRequiredService<IServiceScopeFactory>();
}
