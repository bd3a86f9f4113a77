using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Hosting;
using HmisPlatform.Notifications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HmisPlatform.Notifications.Infrastructure;

/// <summary>
/// Once a day (a day in Chicago), after <see cref="NotificationOptions.DigestHour"/>, each ATA who chose a digest gets one e-mail
/// with everything held for them since the last one. The digest is itself a notification, so it is delivered, retried
/// and failed like any other, and made once per ATA and day.
/// </summary>
public sealed class DigestWorker(IServiceScopeFactory scopes, Templates templates, IOptions<NotificationOptions> options, TimeProvider time,
    ILogger<DigestWorker> logger) : RecurringWork(time, logger)
{
    protected override TimeSpan Interval => options.Value.DigestInterval;

    protected override async Task RunRoundAsync(CancellationToken cancellationToken) => await RunOnceAsync(cancellationToken);

    /// <summary>Makes the digests due now; returns how many.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        if (Continuum.Local(now).Hour < options.Value.DigestHour)
        {
            return 0;
        }
        var made = 0;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var keys = await db.Notifications.Where(n => n.Delivery == DeliveryState.InDigest).Select(n => n.RecipientKey).Distinct().ToListAsync(cancellationToken);
        foreach (var key in keys)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var choice = await db.DeliveryChoices.FromSql($"SELECT * FROM delivery_choices WHERE recipient_key = {key} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
            var held = await db.Notifications.Where(n => n.RecipientKey == key && n.Delivery == DeliveryState.InDigest)
                .OrderBy(n => n.Id).ToListAsync(cancellationToken);
            if (held.Count == 0 || (choice?.LastDigestAt is { } last && Continuum.DateOf(last) == Continuum.DateOf(now)))
            {
                await transaction.RollbackAsync(cancellationToken);
                continue;
            }
            var first = held[0];
            var day = Continuum.DateOf(now);
            var message = await templates.RenderAsync(NotificationKinds.Digest, new Dictionary<string, object?>
            {
                ["day"] = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["count"] = held.Count,
                ["items"] = held.Select(n => new Dictionary<string, object?> { ["subject"] = n.Subject, ["text"] = n.Text }).ToList(),
                ["link"] = options.Value.UiBaseUrl.TrimEnd('/') + "/agency",
            });
            // One digest per ATA and day, whatever runs this twice: its "event" is the ATA's day.
            var digestId = DigestEventId(key, day);
            var recipient = new Recipient(key, first.RecipientEmail, "", Audience.Ata);
            db.Notifications.Add(Notification.Create(digestId, NotificationKinds.Digest, recipient, first.AgencyId, null, message, digest: false, now));
            foreach (var notification in held)
            {
                notification.SentInDigest(now);
            }
            choice?.DigestSent(now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            made++;
        }
        return made;
    }

    private static Guid DigestEventId(string key, DateOnly day)
    {
        var bytes = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"digest:{key}:{day:yyyy-MM-dd}"));
        return new Guid(bytes.AsSpan(0, 16));
    }
}
