using Hmis.Events.V1;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Hosting;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.Credentialing.Domain.Reviews;
using HmisPlatform.Credentialing.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Credentialing.IntegrationEvents;

/// <summary>
/// A week before an access review's deadline, each agency with accounts still to review is reminded, once: one event
/// per agency, in the transaction that marks the review reminded. The review is claimed with FOR UPDATE SKIP LOCKED, so
/// replicas never remind twice.
/// </summary>
public sealed partial class AccessReviewReminders(IServiceScopeFactory scopes, TimeProvider time, OutboxSignal outbox, ILogger<AccessReviewReminders> logger)
    : RecurringWork(time, logger)
{
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var reminded = 0;
        await scopes.RunAsync<CredentialingDbContext>(outbox, async (db, _, ct) =>
        {
            var now = Time.GetStoredNow();
            var today = Continuum.DateOf(now);
            var review = (await db.AccessReviews.FromSql($"""
                SELECT * FROM access_reviews
                WHERE reminded_at IS NULL AND deadline >= {today} AND deadline <= {today.AddDays(AccessReview.ReminderDaysBefore)}
                ORDER BY deadline
                LIMIT 1
                FOR UPDATE SKIP LOCKED
                """).ToListAsync(ct)).SingleOrDefault();
            if (review is null || !review.RemindersDue(today))
            {
                return false;
            }
            var pending = await db.AccessReviewItems.Where(i => i.ReviewId == review.Id && i.Decision == ReviewDecision.Unspecified)
                .GroupBy(i => i.AgencyId).Select(g => new { AgencyId = g.Key, Count = g.Count() }).ToListAsync(ct);
            foreach (var agency in pending)
            {
                var (eventId, occurredAt) = EventOutbox.Stamp(now);
                db.Publish(new AccessReviewReminderDue
                {
                    EventId = eventId, OccurredAt = occurredAt, ReviewId = review.Id.ToString(), AgencyId = agency.AgencyId.ToString(),
                    Deadline = review.Deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Pending = agency.Count,
                    Quarter = $"{review.Year} Q{review.Quarter}",
                });
                reminded++;
            }
            review.Reminded(now);
            return true;
        }, cancellationToken);
        return reminded;
    }

    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task RunRoundAsync(CancellationToken cancellationToken) => LogReminded(Logger, await RunOnceAsync(cancellationToken));

    [LoggerMessage(Level = LogLevel.Information, Message = "Access review reminders: {Agencies} agencies reminded")]
    private static partial void LogReminded(ILogger logger, int agencies);
}
