using Google.Protobuf.WellKnownTypes;
using Hmis.Events.V1;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Notifications.Tests;

/// <summary>People brought in by the go-live import hear about their accounts as anyone does, though no request brought them.</summary>
public sealed class ImportedPeopleTests(NotificationsFixture service) : IClassFixture<NotificationsFixture>
{
    [Fact]
    public async Task AnImportedPerson_IsWarnedOfInactivity_ByTheContactTheImportGave()
    {
        var journey = new Journey(service);
        var personId = Guid.NewGuid();
        var email = $"imported-{personId:N}@lakeview.example.org";
        var now = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow);
        await journey.DeliverAsync(new AccountImported
        {
            EventId = Guid.NewGuid().ToString(), OccurredAt = now, AccountId = Guid.NewGuid().ToString(), AgencyId = TestTokens.DefaultAgencyId,
            Person = new Applicant { PersonId = personId.ToString(), GivenName = "Imani", FamilyName = "Okafor", Email = email },
        });

        await journey.DeliverAsync(new InactivityWarning
        {
            EventId = Guid.NewGuid().ToString(), OccurredAt = now, PersonId = personId.ToString(), AccessRequestId = Guid.Empty.ToString(),
            AccountId = Guid.NewGuid().ToString(), AgencyId = TestTokens.DefaultAgencyId,
            LastActivityAt = Timestamp.FromDateTime(DateTime.UtcNow.AddMonths(-5)), RemovalDueAt = Timestamp.FromDateTime(DateTime.UtcNow.AddMonths(1)),
        });
        await service.Delivery.RunOnceAsync(CancellationToken.None);

        Assert.Contains("Imani Okafor", Assert.Single(service.Smtp.To(email)).TextBody ?? "", StringComparison.Ordinal);
        Assert.Equal(0, await service.QueryAsync(db => db.Set<DeadLetter>().CountAsync()));
    }
}

/// <summary>The access review's reminder reaches the agency's ATA and the HMIS team.</summary>
public sealed class AccessReviewReminderTests(NotificationsFixture service) : IClassFixture<NotificationsFixture>
{
    [Fact]
    public async Task TheReminder_GoesToTheAgencysAta_AndTheHmisTeam()
    {
        var journey = new Journey(service);
        await journey.DeliverAsync(journey.Submitted());
        var reminder = new AccessReviewReminderDue
        {
            EventId = Guid.NewGuid().ToString(), OccurredAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow), ReviewId = Guid.NewGuid().ToString(),
            AgencyId = journey.AgencyId, Deadline = "2026-12-31", Pending = 4, Quarter = "2026 Q4",
        };

        await journey.DeliverAsync(reminder);
        await service.Delivery.RunOnceAsync(CancellationToken.None);

        var toAta = service.Smtp.To(journey.AtaEmail).Single(m => (m.Subject ?? "").Contains("Access review 2026 Q4", StringComparison.Ordinal));
        Assert.Contains("4 HMIS account(s) not yet reviewed", toAta.TextBody ?? "", StringComparison.Ordinal);
        Assert.Contains(service.Smtp.To("hmis-team@hmis.example.org"), m => (m.Subject ?? "").Contains("Access review 2026 Q4", StringComparison.Ordinal));
    }
}
