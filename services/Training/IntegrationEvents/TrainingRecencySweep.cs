using HmisPlatform.BuildingBlocks.Hosting;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.Training.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HmisPlatform.Training.IntegrationEvents;

/// <summary>
/// Applies recency and the finishing window to open paths: completions past their validity expire (a project course
/// is taken again; Introduction or Data Management end the path), and an unfinished path reminds the ATA once. Each
/// change publishes its event in the same transaction. Batches are claimed with FOR UPDATE SKIP LOCKED, so replicas
/// can sweep side by side without doing anything twice.
/// </summary>
public sealed partial class TrainingRecencySweep(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<TrainingOptions> options, OutboxSignal outbox, ILogger<TrainingRecencySweep> logger) : RecurringWork(time, logger)
{
    /// <summary>One pass over every path that needs a step now; returns how many expired and were reminded.</summary>
    public async Task<(int Expired, int Reminded)> RunOnceAsync(CancellationToken cancellationToken)
    {
        var (expired, reminded) = (0, 0);
        await scopes.RunAsync<TrainingDbContext>(outbox, async (db, _, ct) =>
        {
            var now = Time.GetStoredNow();
            var batch = await db.LearningPaths.FromSql($"""
                SELECT * FROM learning_paths
                WHERE closed_at IS NULL AND expired_at IS NULL
                  AND (next_expiry_at <= {now} OR (reminder_sent_at IS NULL AND completed_at IS NULL AND reminder_due_at <= {now}))
                ORDER BY id
                LIMIT {options.Value.SweepBatchSize}
                FOR UPDATE SKIP LOCKED
                """).ToListAsync(ct);
            foreach (var path in batch)
            {
                if (path.ExpireDue(now) is { } expiry)
                {
                    db.Publish(path.Expiry(expiry, now));
                    expired++;
                }
                if (path.RemindIfDue(now) is { Count: > 0 } left)
                {
                    db.Publish(path.Reminder(left, now));
                    reminded++;
                }
            }
            return batch.Count > 0;
        }, cancellationToken);
        return (expired, reminded);
    }

    protected override TimeSpan Interval => options.Value.SweepInterval;

    protected override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        var (expired, reminded) = await RunOnceAsync(cancellationToken);
        LogSwept(Logger, expired, reminded);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Training sweep: {Expired} paths with expired courses, {Reminded} reminders")]
    private static partial void LogSwept(ILogger logger, int expired, int reminded);
}
