using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.Requests.Domain.AccessRequests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HmisPlatform.Requests.Infrastructure;

internal sealed class AccessRequestChangeConfiguration : IEntityTypeConfiguration<AccessRequestChange>
{
    public void Configure(EntityTypeBuilder<AccessRequestChange> change)
    {
        change.ToTable("access_request_audit");
        change.HasAnnotation(AuditModel.AppendOnlyAnnotation, true);
        change.HasKey(c => c.Id);
        change.Property(c => c.Id).UseIdentityAlwaysColumn();
        change.HasOne<AccessRequest>().WithMany().HasForeignKey(c => c.AccessRequestId);
        change.Property(c => c.Actor).HasMaxLength(200);
        change.Property(c => c.ActorRole).HasMaxLength(50);
        change.Property(c => c.Action).HasMaxLength(50);
        change.Property(c => c.Reason).HasMaxLength(4000);
        change.HasIndex(c => new { c.AccessRequestId, c.Id });
    }
}
