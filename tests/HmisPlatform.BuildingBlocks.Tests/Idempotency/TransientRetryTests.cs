using Google.Protobuf.WellKnownTypes;
using HmisPlatform.BuildingBlocks.Idempotency;
using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.BuildingBlocks.Tests.Fakes;
using HmisPlatform.BuildingBlocks.Tests.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HmisPlatform.BuildingBlocks.Tests.Idempotency;

/// <summary>A command that meets a severed connection or a restarting database is tried again, and still makes its change once.</summary>
public sealed class TransientRetryTests(MessagingFixture messaging) : IClassFixture<MessagingFixture>
{
    [Fact]
    public async Task ACommandThatMeetsATransientFailure_IsTriedAgain_AndItsChangeIsMadeOnce()
    {
        var key = Guid.NewGuid().ToString();
        var widget = Guid.NewGuid();
        var tries = 0;
        async Task<StringValue> Command(MessagingTestDbContext db, CancellationToken ct)
        {
            tries++;
            db.Widgets.Add(new Widget(widget, "made once"));
            await db.SaveChangesAsync(ct);
            if (tries == 1)
            {
                // The first try's connection is severed after its rows were written, before its commit.
                throw new DbUpdateException("save failed", new PostgresException("terminating connection", "FATAL", "FATAL", PostgresErrorCodes.AdminShutdown));
            }
            return new StringValue { Value = "done" };
        }

        var answer = await RunAsync(key, Command);
        var replay = await RunAsync(key, Command);

        Assert.Equal(("done", "done", 2), (answer.Value, replay.Value, tries));
        Assert.Equal(1, await messaging.QueryAsync(db => db.Widgets.CountAsync(w => w.Id == widget)));
    }

    [Fact]
    public async Task ACommandWhoseConnectionDiedUnderIt_IsTriedAgain_ThoughWhatItMetLooksLikeABug()
    {
        var widget = Guid.NewGuid();
        var tries = 0;
        async Task<StringValue> Command(MessagingTestDbContext db, CancellationToken ct)
        {
            tries++;
            db.Widgets.Add(new Widget(widget, "made once"));
            await db.SaveChangesAsync(ct);
            if (tries == 1)
            {
                // The connection goes; the next step meets only the transaction's remains.
                await db.Database.GetDbConnection().CloseAsync();
                throw new InvalidOperationException("Transaction is already completed");
            }
            return new StringValue { Value = "done" };
        }

        var answer = await RunAsync(Guid.NewGuid().ToString(), Command);

        Assert.Equal(("done", 2), (answer.Value, tries));
        Assert.Equal(1, await messaging.QueryAsync(db => db.Widgets.CountAsync(w => w.Id == widget)));
    }

    [Fact]
    public async Task ACommandThatFailsWithItsConnectionOpen_IsNotTriedAgain()
    {
        var tries = 0;
        Task<StringValue> Command(MessagingTestDbContext db, CancellationToken ct)
        {
            tries++;
            throw new InvalidOperationException("a bug");
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync(Guid.NewGuid().ToString(), Command));

        Assert.Equal(1, tries);
    }

    [Fact]
    public async Task ACommandThatKeepsMeetingTransientFailures_GivesUpAfterItsTries_HavingChangedNothing()
    {
        var widget = Guid.NewGuid();
        var tries = 0;
        async Task<StringValue> Command(MessagingTestDbContext db, CancellationToken ct)
        {
            tries++;
            db.Widgets.Add(new Widget(widget, "never made"));
            await db.SaveChangesAsync(ct);
            throw new DbUpdateException("save failed", new PostgresException("cannot connect now", "FATAL", "FATAL", PostgresErrorCodes.CannotConnectNow));
        }

        await Assert.ThrowsAsync<DbUpdateException>(() => RunAsync(Guid.NewGuid().ToString(), Command));

        Assert.Equal(TransientFailures.MaxAttempts, tries);
        Assert.Equal(0, await messaging.QueryAsync(db => db.Widgets.CountAsync(w => w.Id == widget)));
    }

    private async Task<StringValue> RunAsync(string key, Func<MessagingTestDbContext, CancellationToken, Task<StringValue>> command)
    {
        await using var scope = messaging.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MessagingTestDbContext>();
        var commands = ActivatorUtilities.CreateInstance<IdempotentCommands<MessagingTestDbContext>>(scope.ServiceProvider);
        return await commands.RunAsync(key, new StringValue { Value = "make a widget" }, ct => command(db, ct), CancellationToken.None);
    }
}
