using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Hosting;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.Credentialing.Domain.Accounts;
using HmisPlatform.Credentialing.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HmisPlatform.Credentialing.IntegrationEvents;

/// <summary>The sweep's cadence (configuration section <c>Inactivity</c>, with the policy's months).</summary>
public sealed class InactivitySweepOptions
{
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    public int BatchSize { get; set; } = 100;
}

/// <summary>
/// Applies the inactivity policy to active accounts: the five-month warning once, removal at six, each with its
/// event in the same transaction. Batches are claimed with FOR UPDATE SKIP LOCKED, so several replicas can sweep at
/// once without doing anything twice; an account's new state takes it out of the next batch.
/// </summary>
public sealed partial class InactivitySweep(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<InactivityPolicy> policy, IOptions<InactivitySweepOptions> options,
    OutboxSignal outbox, ILogger<InactivitySweep> logger) : RecurringWork(time, logger)
{
    private static readonly Actor Sweeper = Actor.Platform(ResourceNames.CredentialingApi);

    /// <summary>One pass over every account that needs a step now; returns how many were warned and removed.</summary>
    public async Task<(int Warned, int Removed)> RunOnceAsync(CancellationToken cancellationToken)
    {
        var (warned, removed) = (0, 0);
        await scopes.RunAsync<CredentialingDbContext>(outbox, async (db, _, ct) =>
        {
            var now = Time.GetStoredNow();
            var cutoff = policy.Value.WarnCutoff(now);
            // Accounts inactive since before the warning cutoff that are not yet warned, or are due for removal.
            var batch = await db.Accounts.FromSql($"""
                SELECT * FROM accounts
                WHERE status = {(int)AccountStatus.Active}
                  AND COALESCE(last_activity_at, activated_at, created_at) <= {cutoff}
                  AND (inactivity_warned_at IS NULL OR COALESCE(last_activity_at, activated_at, created_at) <= {policy.Value.RemoveCutoff(now)})
                ORDER BY id
                LIMIT {options.Value.BatchSize}
                FOR UPDATE SKIP LOCKED
                """).ToListAsync(ct);
            foreach (var account in batch)
            {
                switch (policy.Value.StepFor(account, now))
                {
                    case InactivityStep.Warn:
                        account.WarnInactive(Sweeper, now);
                        db.Publish(account.InactivityWarning(policy.Value.RemovalDue(account), now));
                        warned++;
                        break;
                    case InactivityStep.Remove:
                        account.RemoveInactive(Sweeper, now);
                        db.Publish(account.AccessRemoved(now));
                        removed++;
                        break;
                }
            }
            return batch.Count > 0;
        }, cancellationToken);
        return (warned, removed);
    }

    protected override TimeSpan Interval => options.Value.Interval;

    protected override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        var (warned, removed) = await RunOnceAsync(cancellationToken);
        LogSwept(Logger, warned, removed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Inactivity sweep: {Warned} warned, {Removed} removed")]
    private static partial void LogSwept(ILogger logger, int warned, int removed);
}
