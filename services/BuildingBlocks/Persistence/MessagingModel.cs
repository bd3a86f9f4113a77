using HmisPlatform.BuildingBlocks.Idempotency;
using HmisPlatform.BuildingBlocks.Messaging;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.BuildingBlocks.Persistence;

/// <summary>The tables every service database has for messaging and idempotency.</summary>
public static class MessagingModel
{
    public static ModelBuilder AddMessagingTables(this ModelBuilder model)
    {
        model.Entity<OutboxMessage>(e =>
        {
            e.ToTable("outbox_messages");
            e.HasKey(m => m.Id);
            e.Property(m => m.Id).UseIdentityAlwaysColumn();
            e.HasIndex(m => m.EventId).IsUnique();
            e.Property(m => m.EventType).HasMaxLength(200);
            // The relay only ever looks for unsent rows, oldest first.
            e.HasIndex(m => m.Id).HasFilter("sent_at IS NULL").HasDatabaseName("ix_outbox_messages_unsent");
        });
        model.Entity<InboxEntry>(e =>
        {
            e.ToTable("inbox");
            e.HasKey(i => new { i.Consumer, i.EventId });
            e.Property(i => i.Consumer).HasMaxLength(200);
        });
        model.Entity<DeadLetter>(e =>
        {
            e.ToTable("dead_letters");
            e.HasKey(d => d.Id);
            e.Property(d => d.Id).UseIdentityAlwaysColumn();
        });
        model.Entity<IdempotencyRecord>(e =>
        {
            e.ToTable("idempotency_records");
            e.HasKey(r => r.Key);
            e.Property(r => r.Method).HasMaxLength(200);
        });
        return model;
    }
}
