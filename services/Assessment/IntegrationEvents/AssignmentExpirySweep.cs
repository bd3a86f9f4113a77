using HmisPlatform.Assessment.Contracts;
using HmisPlatform.Assessment.Domain.Assignments;
using HmisPlatform.Assessment.Infrastructure;
using HmisPlatform.BuildingBlocks.Hosting;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using AssignmentStatus = Hmis.Assessment.V1.AssignmentStatus;

namespace HmisPlatform.Assessment.IntegrationEvents;

/// <summary>
/// Expires seats held past their days, publishes each expiry, and gives the freed seats to the next in line, in one
/// transaction per batch. Each batch takes seating's lock first, then claims its rows with FOR UPDATE SKIP LOCKED, so
/// replicas sweep one batch at a time without waiting on the transactions that fill seats.
/// </summary>
public sealed partial class AssignmentExpirySweep(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<AssessmentPolicy> policy, OutboxSignal outbox, ILogger<AssignmentExpirySweep> logger) : RecurringWork(time, logger)
{
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var expired = 0;
        await scopes.RunAsync<AssessmentDbContext>(outbox, async (db, services, ct) =>
        {
            var now = Time.GetStoredNow();
            var seating = services.GetRequiredService<Seating>();
            // Seating's lock before the rows it claims: the order every seating transaction keeps (Seating.LockAsync).
            await seating.LockAsync(ct);
            var batch = await db.Assignments.FromSql($"""
                SELECT * FROM assignments WHERE status = {(int)AssignmentStatus.Seated} AND expires_at <= {now}
                ORDER BY id LIMIT 100 FOR UPDATE SKIP LOCKED
                """).ToListAsync(ct);
            foreach (var assignment in batch.Where(a => a.ExpireIfDue(now)))
            {
                db.Publish(assignment.Expiry(now));
                expired++;
            }
            await seating.FillFreeSeatsAsync(now, ct);
            return batch.Count > 0;
        }, cancellationToken);
        return expired;
    }

    protected override TimeSpan Interval => policy.Value.SweepInterval;

    protected override async Task RunRoundAsync(CancellationToken cancellationToken) => LogSwept(Logger, await RunOnceAsync(cancellationToken));

    [LoggerMessage(Level = LogLevel.Information, Message = "Assignment sweep: {Expired} expired")]
    private static partial void LogSwept(ILogger logger, int expired);
}
