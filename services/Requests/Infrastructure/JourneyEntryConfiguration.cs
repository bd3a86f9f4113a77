using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.Requests.Domain.Journeys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HmisPlatform.Requests.Infrastructure;

internal sealed class JourneyEntryConfiguration : IEntityTypeConfiguration<JourneyEntry>
{
    public void Configure(EntityTypeBuilder<JourneyEntry> entry)
    {
        entry.HasKey(e => e.Id);
        entry.HasAnnotation(AuditModel.AppendOnlyAnnotation, true);
        entry.Property(e => e.Id).UseIdentityAlwaysColumn();
        entry.Property(e => e.Kind).HasMaxLength(100);
        entry.HasIndex(e => e.SourceEventId).IsUnique();
        entry.HasIndex(e => new { e.PersonId, e.OccurredAt });
    }
}
