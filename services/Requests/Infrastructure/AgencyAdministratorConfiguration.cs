using HmisPlatform.Requests.Domain.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HmisPlatform.Requests.Infrastructure;

internal sealed class AgencyAdministratorConfiguration : IEntityTypeConfiguration<AgencyAdministrator>
{
    public void Configure(EntityTypeBuilder<AgencyAdministrator> ata)
    {
        ata.ToTable("agency_administrators");
        ata.HasKey(a => a.Id);
        ata.HasOne<Agency>().WithMany().HasForeignKey(a => a.AgencyId);
        ata.Property(a => a.FullName).HasMaxLength(200);
        ata.Property(a => a.Email).HasMaxLength(254);
        ata.HasIndex(a => new { a.Role, a.TrainingCompletedOn });
    }
}
