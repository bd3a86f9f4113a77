using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.Notifications.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Notifications.Infrastructure;

/// <summary>The Notifications service's database, <c>notificationsdb</c>.</summary>
public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>The key ring that seals e-mails with secrets until they are sent.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<PersonContact> People => Set<PersonContact>();

    public DbSet<RequestContact> Requests => Set<RequestContact>();

    public DbSet<RequestValidator> Validators => Set<RequestValidator>();

    public DbSet<DeliveryChoice> DeliveryChoices => Set<DeliveryChoice>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddMessagingTables();
        modelBuilder.Entity<Notification>(notification =>
        {
            notification.ToTable("notifications");
            notification.HasKey(n => n.Id);
            // Exactly one per event and recipient, whatever delivers the event twice.
            notification.HasIndex(n => new { n.EventId, n.RecipientKey }).IsUnique();
            notification.HasIndex(n => new { n.RecipientKey, n.Id });
            notification.HasIndex(n => new { n.Delivery, n.NextAttemptAt });
            notification.Property(n => n.Kind).HasMaxLength(64);
            notification.Property(n => n.RecipientKey).HasMaxLength(64);
            notification.Property(n => n.RecipientEmail).HasMaxLength(320);
            notification.Property(n => n.Subject).HasMaxLength(300);
            notification.Property(n => n.LastError).HasMaxLength(300);

        });
        modelBuilder.Entity<PersonContact>(person =>
        {
            person.ToTable("person_contacts");
            person.HasKey(p => p.PersonId);
        });
        modelBuilder.Entity<RequestContact>(request =>
        {
            request.ToTable("request_contacts");
            request.HasKey(r => r.AccessRequestId);
        });
        modelBuilder.Entity<RequestValidator>(validator =>
        {
            validator.ToTable("request_validators");
            validator.HasKey(v => new { v.AccessRequestId, v.AdministratorId });
            validator.Property(v => v.Name).HasMaxLength(200);
            validator.Property(v => v.Email).HasMaxLength(320);
        });
        modelBuilder.Entity<DeliveryChoice>(choice =>
        {
            choice.ToTable("delivery_choices");
            choice.HasKey(c => c.RecipientKey);
        });
    }
}
