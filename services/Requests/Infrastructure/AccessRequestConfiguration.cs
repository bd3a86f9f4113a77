using HmisPlatform.Requests.Domain.AccessRequests;
using HmisPlatform.Requests.Domain.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HmisPlatform.Requests.Infrastructure;

internal sealed class AccessRequestConfiguration : IEntityTypeConfiguration<AccessRequest>
{
    public void Configure(EntityTypeBuilder<AccessRequest> request)
    {
        request.HasKey(r => r.Id);
        request.HasOne<Agency>().WithMany().HasForeignKey(r => r.AgencyId);
        request.HasOne<AgencyAdministrator>().WithMany().HasForeignKey(r => r.AtaId);
        request.Property(r => r.Version).IsRowVersion();
        request.Property(r => r.Note).HasMaxLength(4000);
        request.Property(r => r.DecisionReason).HasMaxLength(4000);
        request.OwnsMany(r => r.Users, user =>
        {
            user.ToTable("requested_users");
            user.WithOwner().HasForeignKey("AccessRequestId");
            user.HasKey(u => u.PersonId);
            user.Property(u => u.GivenName).HasMaxLength(100);
            user.Property(u => u.FamilyName).HasMaxLength(100);
            user.Property(u => u.Email).HasMaxLength(254);
            user.HasIndex(u => u.Email);
        });
        request.Navigation(r => r.Users).UsePropertyAccessMode(PropertyAccessMode.Field);
        // The review queue reads by status, oldest first.
        request.HasIndex(r => new { r.Status, r.SubmittedAt, r.Id });
    }
}
