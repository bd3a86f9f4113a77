using HmisPlatform.Requests.Domain.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HmisPlatform.Requests.Infrastructure;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> agency)
    {
        agency.HasKey(a => a.Id);
        agency.Property(a => a.Name).HasMaxLength(200);
        agency.OwnsMany(a => a.Projects, project =>
        {
            project.ToJson("projects");
            project.Property(p => p.Name).HasMaxLength(200);
        });
    }
}
