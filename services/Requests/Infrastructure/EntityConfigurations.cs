using HmisPlatform.Requests.Domain.AccessRequests;
using HmisPlatform.Requests.Domain.Agencies;
using HmisPlatform.Requests.Domain.Journeys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HmisPlatform.Requests.Infrastructure;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> agency)
    {
        agency.HasKey(a => a.Id);
        agency.Property(a => a.Name).HasMaxLength(200);
    }
}

internal sealed class AgencyAdministratorConfiguration : IEntityTypeConfiguration<AgencyAdministrator>
{
    public void Configure(EntityTypeBuilder<AgencyAdministrator> ata)
    {
        ata.ToTable("agency_administrators");
        ata.HasKey(a => a.Id);
        ata.HasOne<Agency>().WithMany().HasForeignKey(a => a.AgencyId);
        ata.Property(a => a.FullName).HasMaxLength(200);
        ata.Property(a => a.Email).HasMaxLength(254);
    }
}

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

internal sealed class JourneyEntryConfiguration : IEntityTypeConfiguration<JourneyEntry>
{
    public void Configure(EntityTypeBuilder<JourneyEntry> entry)
    {
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Id).UseIdentityAlwaysColumn();
        entry.Property(e => e.Kind).HasMaxLength(100);
        entry.HasIndex(e => e.SourceEventId).IsUnique();
        entry.HasIndex(e => new { e.PersonId, e.OccurredAt });
    }
}
