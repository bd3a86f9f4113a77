using HmisPlatform.BuildingBlocks.Hosting;
using HmisPlatform.Notifications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HmisPlatform.Notifications.Infrastructure;

/// <summary>
/// Sends the e-mail of notifications that are due, each in its own short transaction claimed with
/// FOR UPDATE SKIP LOCKED, so replicas send side by side and none twice. A failure is recorded on the notification
/// with its next try; one out of retries or refused for good goes to the failed list.
/// </summary>
public sealed partial class DeliveryWorker(
    IServiceScopeFactory scopes, IMailer mailer, EmailSeal seal, IOptions<NotificationOptions> options, IOptions<DeliveryPolicy> policy, TimeProvider time,
    ILogger<DeliveryWorker> logger) : RecurringWork(time, logger)
{
    protected override TimeSpan Interval => options.Value.DeliveryInterval;

    protected override async Task RunRoundAsync(CancellationToken cancellationToken) => await RunOnceAsync(cancellationToken);

    /// <summary>Sends what is due now; returns how many sends were tried.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var tried = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
            var now = Time.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var due = await db.Notifications.FromSql($"""
                SELECT * FROM notifications WHERE delivery = {(int)DeliveryState.Pending} AND next_attempt_at <= {now}
                ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED
                """).SingleOrDefaultAsync(cancellationToken);
            if (due is null)
            {
                return tried;
            }
            SendResult result;
            try
            {
                var email = due.Email(seal.Unseal);
                result = await mailer.SendAsync(new OutgoingMail(due.RecipientEmail, email.Subject, email.Text, email.Html), cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Whatever went wrong is this message's failed try, so one bad message never holds up the others.
                result = new SendResult(false, false, $"send failed ({ex.GetType().Name})");
            }
            if (result.Sent)
            {
                due.Sent(Time.GetUtcNow());
            }
            else
            {
                due.SendFailed(result.Error, result.Permanent, policy.Value, Time.GetUtcNow());
                LogSendFailed(Logger, due.Id, due.Attempts, result.Error, due.Delivery == DeliveryState.Failed);
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            tried++;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {NotificationId}: send {Attempt} failed ({Error}); given up: {GivenUp}")]
    private static partial void LogSendFailed(ILogger logger, Guid notificationId, int attempt, string error, bool givenUp);
}
