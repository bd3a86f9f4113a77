using Hmis.Credentialing.V1;
using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.Credentialing.Domain.Accounts;
using HmisPlatform.Credentialing.Domain.Applicants;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Credentialing.Infrastructure;

/// <summary>The Credentialing service's database, <c>credentialingdb</c>.</summary>
public sealed class CredentialingDbContext(DbContextOptions<CredentialingDbContext> options) : DbContext(options)
{
    public DbSet<Applicant> Applicants => Set<Applicant>();

    public DbSet<HmisAccount> Accounts => Set<HmisAccount>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddMessagingTables();
        modelBuilder.Entity<Applicant>(applicant =>
        {
            applicant.HasKey(a => new { a.PersonId, a.AccessRequestId });
            applicant.Property(a => a.GivenName).HasMaxLength(100);
            applicant.Property(a => a.FamilyName).HasMaxLength(100);
            applicant.Property(a => a.Email).HasMaxLength(254);
            applicant.Ignore(a => a.FullName);
        });
        modelBuilder.Entity<HmisAccount>(account =>
        {
            account.ToTable("accounts");
            account.HasKey(a => a.Id);
            account.Property(a => a.Username).HasMaxLength(32);
            account.Property(a => a.AgreementConfirmedBy).HasMaxLength(64);
            // Removed accounts keep their row, so a username is unique for ever.
            account.HasIndex(a => a.Username).IsUnique();
            // At most one live account per person per agency, whatever the code does.
            account.HasIndex(a => new { a.PersonId, a.AgencyId })
                .IsUnique()
                .HasFilter($"status IN ({(int)AccountStatus.PendingAgreement}, {(int)AccountStatus.PendingConfirmation}, {(int)AccountStatus.Active})")
                .HasDatabaseName("ux_accounts_one_live_per_person_agency");
        });
    }
}
