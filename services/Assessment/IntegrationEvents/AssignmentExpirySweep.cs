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
/// transaction per batch. Batches are claimed with FOR UPDATE SKIP LOCKED and seating takes its lock, so replicas can
/// sweep side by side.
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
            var batch = await db.Assignments.FromSql($"""
                SELECT * FROM assignments WHERE status = {(int)AssignmentStatus.Seated} AND expires_at <= {now}
                ORDER BY id LIMIT 100 FOR UPDATE SKIP LOCKED
                """).ToListAsync(ct);
            foreach (var assignment in batch.Where(a => a.ExpireIfDue(now)))
            {
                db.Publish(assignment.Expiry(now));
                expired++;
            }
            await services.GetRequiredService<Seating>().FillFreeSeatsAsync(now, ct);
            return batch.Count > 0;
        }, cancellationToken);
        return expired;
    }

    protected override TimeSpan Interval => policy.Value.SweepInterval;

    protected override async Task RunRoundAsync(CancellationToken cancellationToken) => LogSwept(Logger, await RunOnceAsync(cancellationToken));

    [LoggerMessage(Level = LogLevel.Information, Message = "Assignment sweep: {Expired} expired")]
    private static partial void LogSwept(ILogger logger, int expired);
}
