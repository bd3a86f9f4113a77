using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Hosting;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.Requests.Contracts;
using HmisPlatform.Requests.Domain.Agencies;
using HmisPlatform.Requests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HmisPlatform.Requests.IntegrationEvents;

/// <summary>The sweep's cadence (configuration <c>AtaTraining:SweepInterval</c>).</summary>
public sealed class AtaTrainingSweepOptions
{
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Tells untrained ATAs (and the HMIS team) that their training deadline is near, then that it passed: each notice
/// once, its event in the same transaction as the record that it was sent. The ATAs still owed one are claimed with
/// FOR UPDATE SKIP LOCKED, so several replicas can sweep at once without telling anyone twice.
/// </summary>
public sealed partial class AtaTrainingSweep(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<AtaTrainingCalendar> calendar, IOptions<AtaTrainingSweepOptions> options,
    OutboxSignal outbox, ILogger<AtaTrainingSweep> logger) : RecurringWork(time, logger)
{
    /// <summary>One pass; returns how many reminders and missed-deadline notices were raised.</summary>
    public async Task<(int Reminded, int Missed)> RunOnceAsync(CancellationToken cancellationToken)
    {
        var (reminded, missed) = (0, 0);
        // One batch: the untrained ATAs are few (one or two per agency).
        await scopes.RunAsync<RequestsDbContext>(outbox, async (db, _, ct) =>
        {
            var now = Time.GetStoredNow();
            var today = Continuum.DateOf(now);
            // Untrained ATAs not yet told that they missed it: the domain decides who is owed which notice today.
            var untrained = await db.AgencyAdministrators.FromSql($"""
                SELECT * FROM agency_administrators
                WHERE role = {(int)AdministratorRole.Ata} AND training_completed_on IS NULL AND training_notice_sent < {(int)AtaTrainingNotice.Missed}
                ORDER BY id
                FOR UPDATE SKIP LOCKED
                """).ToListAsync(ct);
            foreach (var ata in untrained)
            {
                var notice = ata.TrainingNoticeDue(calendar.Value, today);
                if (notice == AtaTrainingNotice.None)
                {
                    continue;
                }
                ata.TrainingNoticeWasSent(notice);
                db.Publish(ata.TrainingDeadlineNotice(notice, calendar.Value, now));
                if (notice == AtaTrainingNotice.Missed)
                {
                    missed++;
                }
                else
                {
                    reminded++;
                }
            }
            return false;
        }, cancellationToken);
        return (reminded, missed);
    }

    protected override TimeSpan Interval => options.Value.SweepInterval;

    protected override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        var (reminded, missed) = await RunOnceAsync(cancellationToken);
        LogSwept(Logger, reminded, missed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "ATA training sweep: {Reminded} reminded, {Missed} told the deadline passed")]
    private static partial void LogSwept(ILogger logger, int reminded, int missed);
}
