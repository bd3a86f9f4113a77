using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.Gateway.Security;
using HmisPlatform.Gateway.Staff;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Gateway.Identity;

/// <summary>
/// The gateway's database, <c>gatewaydb</c>: the people who sign in (ASP.NET Core Identity), the registered
/// clients and their tokens (OpenIddict), the security audit, and the Data Protection key ring.
/// </summary>
public sealed class GatewayDbContext(DbContextOptions<GatewayDbContext> options)
    : IdentityDbContext<StaffUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>The Data Protection key ring every replica shares (encrypted at rest outside Development).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.UseOpenIddict();
        modelBuilder.Entity<StaffUser>(e =>
        {
            e.Property(x => x.Role).HasMaxLength(32);
        });
        modelBuilder.Entity<SecurityEvent>(e =>
        {
            e.ToTable("security_events");
            e.HasAnnotation(AuditModel.AppendOnlyAnnotation, true);
            e.Property(x => x.Id).UseIdentityAlwaysColumn();
            e.Property(x => x.Kind).HasMaxLength(64);
            e.Property(x => x.Actor).HasMaxLength(200);
            e.Property(x => x.Subject).HasMaxLength(200);
            e.Property(x => x.Detail).HasMaxLength(600);
            e.Property(x => x.TraceId).HasMaxLength(32);
            e.HasIndex(x => x.OccurredAt);
            e.HasIndex(x => new { x.Actor, x.OccurredAt });
        });
    }
}
