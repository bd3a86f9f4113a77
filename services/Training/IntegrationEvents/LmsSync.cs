using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Hosting;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.Training.Domain.Lms;
using HmisPlatform.Training.Infrastructure;
using HmisPlatform.Training.Infrastructure.Lms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HmisPlatform.Training.IntegrationEvents;

/// <summary>
/// With an LMS that reports progress (TalentLMS), enrols each open path's learner in its courses and reads their
/// progress into the path, in course order so the Introduction gate opens first. Paths are claimed with FOR UPDATE
/// SKIP LOCKED, so replicas share the work; an LMS failure leaves the path for the next round.
/// </summary>
public sealed partial class LmsSync(
    IServiceScopeFactory scopes, ILmsConnector lms, TimeProvider time, IOptions<LmsOptions> options, OutboxSignal outbox, ILogger<LmsSync> logger) : RecurringWork(time, logger)
{
    private const int BatchSize = 50;

    /// <summary>The TalentLMS connector inside this service reports as the LMS does.</summary>
    private static readonly Caller Connector = new("talentlms-connector", null, false, Caller.LmsRole, ResourceNames.TrainingApi);

    private const string ConnectorSource = "TalentLMS";

    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var synced = 0;
        var after = Guid.Empty;
        await scopes.RunAsync<TrainingDbContext>(outbox, async (db, services, cancellationToken) =>
        {
            var accounts = services.GetRequiredService<LmsAccountRegistry>();
            var batch = await db.LearningPaths.FromSql($"""
                SELECT * FROM learning_paths
                WHERE closed_at IS NULL AND expired_at IS NULL AND completed_at IS NULL AND id > {after}
                ORDER BY id LIMIT {BatchSize} FOR UPDATE SKIP LOCKED
                """).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return false;
            }
            var catalog = await db.CatalogAsync(cancellationToken);
            foreach (var path in batch)
            {
                after = path.Id;
                if (await accounts.ActiveOfAsync(path.PersonId, cancellationToken) is not { } account)
                {
                    continue;
                }
                var earlierEmails = await db.LmsAccountChanges.Where(c => c.AccountId == account.Id).Select(c => c.FromEmail).Distinct().ToListAsync(cancellationToken);
                var learner = new LmsLearner(account.Email, account.Username,
                    account.GivenName.Length > 0 ? account.GivenName : account.Username, account.FamilyName.Length > 0 ? account.FamilyName : "-", earlierEmails);
                var codes = path.Courses.OrderBy(c => c.Position).Select(c => c.CourseCode).ToList();
                try
                {
                    if (path.LmsEnrolledAt is null)
                    {
                        await lms.EnrolAsync(learner, codes, cancellationToken);
                        path.EnrolledInLms(Time.GetStoredNow());
                    }
                    foreach (var report in (await lms.ProgressAsync(learner, codes, cancellationToken)).OrderBy(r => codes.IndexOf(r.CourseCode)))
                    {
                        var now = Time.GetStoredNow();
                        if (path.RecordProgress(report.CourseCode, report.Percent, StoredTime.Truncate(report.ObservedAt), catalog[report.CourseCode].ValidityMonths,
                            !account.PersonalEmail, Connector, ConnectorSource, now, report.CompletedAt is { } done ? StoredTime.Truncate(done) : null))
                        {
                            db.Publish(path.Completion(now));
                        }
                    }
                    synced++;
                }
                catch (Exception ex) when (ex is LmsException or HttpRequestException or DomainException or TimeoutException or Polly.CircuitBreaker.BrokenCircuitException)
                {
                    LogPathFailed(Logger, path.Id, ex);
                }
            }
            return true;
        }, cancellationToken);
        return synced;
    }

    protected override TimeSpan Interval => options.Value.SyncInterval;

    /// <summary>Only an LMS that reports progress (TalentLMS) is polled.</summary>
    protected override bool Enabled => lms.ReportsProgress;

    protected override async Task RunRoundAsync(CancellationToken cancellationToken) => LogSynced(Logger, await RunOnceAsync(cancellationToken));

    [LoggerMessage(Level = LogLevel.Information, Message = "LMS sync: {Synced} paths synced")]
    private static partial void LogSynced(ILogger logger, int synced);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LMS sync of path {PathId} failed; the next round tries again")]
    private static partial void LogPathFailed(ILogger logger, Guid pathId, Exception exception);
}
