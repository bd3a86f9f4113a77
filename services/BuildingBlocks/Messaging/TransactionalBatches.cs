using HmisPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HmisPlatform.BuildingBlocks.Messaging;

/// <summary>
/// How every sweep works through its rows: one batch at a time, each in a scope and a transaction of its own. The
/// batch claims its rows with <c>FOR UPDATE SKIP LOCKED</c> (so replicas sweep side by side), changes them and records
/// their events; then it is saved and committed, and the outbox relay is woken to send the events. Batches follow
/// until one says there is nothing more. A batch that meets a transient failure (a lost deadlock race, a severed
/// connection) rolled back whole and is tried again in a fresh scope, as a command is (<c>IdempotentCommands</c>).
/// </summary>
public static class TransactionalBatches
{
    /// <param name="batch">One batch: true when there may be more to claim, false when it was the last.</param>
    public static async Task RunAsync<TDbContext>(this IServiceScopeFactory scopes, OutboxSignal outbox,
        Func<TDbContext, IServiceProvider, CancellationToken, Task<bool>> batch, CancellationToken cancellationToken)
        where TDbContext : DbContext
    {
        bool more;
        do
        {
            more = await TransientFailures.RetryAsync(() => RunOnceAsync(scopes, outbox, batch, cancellationToken), cancellationToken);
        }
        while (more);
    }

    private static async Task<bool> RunOnceAsync<TDbContext>(IServiceScopeFactory scopes, OutboxSignal outbox,
        Func<TDbContext, IServiceProvider, CancellationToken, Task<bool>> batch, CancellationToken cancellationToken)
        where TDbContext : DbContext
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var more = await batch(db, scope.ServiceProvider, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.Notify();
        return more;
    }
}
