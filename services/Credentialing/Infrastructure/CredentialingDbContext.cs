using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.Credentialing.Domain.Accounts;
using HmisPlatform.Credentialing.Domain.Agreements;
using HmisPlatform.Credentialing.Domain.Applicants;
using HmisPlatform.Credentialing.Domain.Credits;
using HmisPlatform.Credentialing.Domain.HelpDesk;
using HmisPlatform.Credentialing.Domain.Provisioning;
using HmisPlatform.Credentialing.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using AccountChange = HmisPlatform.Credentialing.Domain.Accounts.AccountChange;
using CreditLedgerEntry = HmisPlatform.Credentialing.Domain.Credits.CreditLedgerEntry;
using CreditReservation = HmisPlatform.Credentialing.Domain.Credits.CreditReservation;

namespace HmisPlatform.Credentialing.Infrastructure;

/// <summary>The Credentialing service's database, <c>credentialingdb</c>.</summary>
public sealed class CredentialingDbContext(DbContextOptions<CredentialingDbContext> options) : DbContext(options)
{
    public DbSet<Applicant> Applicants => Set<Applicant>();

    public DbSet<HmisAccount> Accounts => Set<HmisAccount>();

    public DbSet<AccessReview> AccessReviews => Set<AccessReview>();

    public DbSet<AccessReviewItem> AccessReviewItems => Set<AccessReviewItem>();

    /// <summary>The append-only audit of account changes, with who made each.</summary>
    public DbSet<AccountChange> AccountChanges => Set<AccountChange>();

    public DbSet<AgencyCredits> AgencyCredits => Set<AgencyCredits>();

    public DbSet<ProvisionedAccount> ProvisionedAccounts => Set<ProvisionedAccount>();

    public DbSet<HelpDeskRequest> HelpDeskRequests => Set<HelpDeskRequest>();

    public DbSet<EndUserAgreement> Agreements => Set<EndUserAgreement>();

    /// <summary>The agreement in force: the newest published version.</summary>
    public Task<EndUserAgreement> CurrentAgreementAsync(CancellationToken cancellationToken) =>
        Agreements.OrderByDescending(a => a.PublishedAt).FirstAsync(cancellationToken);

    public DbSet<CreditReservation> CreditReservations => Set<CreditReservation>();

    public DbSet<CreditLedgerEntry> CreditLedger => Set<CreditLedgerEntry>();

    /// <summary>The agency's credits, locked until the transaction ends, so concurrent changes take turns.</summary>
    public async Task<AgencyCredits> LockCreditsAsync(Guid agencyId, CancellationToken cancellationToken)
    {
        // Creates the row the first time, then locks it; concurrent first times both end up locking the one row.
        await Database.ExecuteSqlAsync($"INSERT INTO agency_credits (agency_id, available, reserved, consumed, purchased) VALUES ({agencyId}, 0, 0, 0, 0) ON CONFLICT DO NOTHING", cancellationToken);
        return await AgencyCredits.FromSql($"SELECT * FROM agency_credits WHERE agency_id = {agencyId} FOR UPDATE").SingleAsync(cancellationToken);
    }

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
        modelBuilder.Entity<EndUserAgreement>(agreement =>
        {
            agreement.ToTable("agreement_versions");
            agreement.HasKey(a => a.Version);
            agreement.Property(a => a.Version).HasMaxLength(32);
            agreement.Property(a => a.Text).HasMaxLength(EndUserAgreement.MaxTextLength);
            agreement.Property(a => a.PublishedBy).HasMaxLength(64);
            agreement.Ignore(a => a.TextHash);
            agreement.HasIndex(a => a.PublishedAt);
            var first = EndUserAgreement.First;
            agreement.HasData(new { first.Version, first.Text, first.PublishedAt, first.PublishedBy });
        });
        modelBuilder.Entity<HelpDeskRequest>(request =>
        {
            request.ToTable("help_desk_requests");
            request.HasKey(r => new { r.AccessRequestId, r.PersonId });
            request.Property(r => r.NotifiedBy).HasMaxLength(64);
            request.Property(r => r.GrantedBy).HasMaxLength(64);
        });
        modelBuilder.Entity<ProvisionedAccount>(provisioned =>
        {
            provisioned.ToTable("provisioned_accounts");
            provisioned.HasKey(p => p.AccountId);
            provisioned.Property(p => p.Username).HasMaxLength(32);
        });
        modelBuilder.Entity<AgencyCredits>(credits =>
        {
            credits.ToTable("agency_credits", table =>
            {
                // The balance never goes below zero, whatever the code does.
                table.HasCheckConstraint("ck_agency_credits_not_negative", "available >= 0 AND reserved >= 0 AND consumed >= 0");
            });
            credits.HasKey(c => c.AgencyId);
        });
        modelBuilder.Entity<CreditReservation>(reservation =>
        {
            reservation.ToTable("credit_reservations");
            reservation.HasKey(r => new { r.AccessRequestId, r.PersonId });
            reservation.HasIndex(r => r.AgencyId);
        });
        modelBuilder.Entity<CreditLedgerEntry>(entry =>
        {
            entry.ToTable("credit_ledger");
            entry.HasAnnotation(AuditModel.AppendOnlyAnnotation, true);
            entry.HasKey(e => e.Sequence);
            entry.Property(e => e.Sequence).UseIdentityAlwaysColumn();
            entry.Property(e => e.RecordedBy).HasMaxLength(64);
            entry.Property(e => e.Note).HasMaxLength(Domain.Credits.AgencyCredits.MaxNoteLength);
            entry.HasIndex(e => new { e.AgencyId, e.Sequence });
            entry.HasIndex(e => new { e.AgencyId, e.Kind, e.RecordedAt });
            // No credit is consumed twice for one account.
            entry.HasIndex(e => e.AccountId).IsUnique()
                .HasFilter($"kind = {(int)CreditEntryKind.Consumption}")
                .HasDatabaseName("ux_credit_ledger_one_consumption_per_account");
        });
        modelBuilder.Entity<HmisAccount>(account =>
        {
            account.ToTable("accounts");
            account.HasKey(a => a.Id);
            account.Property(a => a.Username).HasMaxLength(32);
            account.Property(a => a.AgreementConfirmedBy).HasMaxLength(64);
            account.Property(a => a.RemovalNote).HasMaxLength(HmisAccount.MaxRemovalNoteLength);
            account.Property(a => a.ActivationTokenHash).HasMaxLength(64);
            account.Property(a => a.Email).HasMaxLength(254);
            account.HasIndex(a => a.Email);
            account.Property(a => a.RedeemedTokenHash).HasMaxLength(64);
            // The inactivity sweep looks only at active accounts, by their last activity.
            account.HasIndex(a => new { a.Status, a.LastActivityAt });
            // Removed accounts keep their row, so a username is unique for ever.
            account.HasIndex(a => a.Username).IsUnique();
            // At most one live account per person per agency, whatever the code does.
            account.HasIndex(a => new { a.PersonId, a.AgencyId })
                .IsUnique()
                .HasFilter($"status IN ({(int)AccountStatus.PendingAgreement}, {(int)AccountStatus.PendingConfirmation}, {(int)AccountStatus.Active})")
                .HasDatabaseName("ux_accounts_one_live_per_person_agency");
            account.HasMany(a => a.Changes).WithOne().HasForeignKey(c => c.AccountId);
            account.Navigation(a => a.Changes).UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        modelBuilder.Entity<AccessReview>(review =>
        {
            review.ToTable("access_reviews");
            review.HasKey(r => r.Id);
            review.Property(r => r.OpenedBy).HasMaxLength(200);
            // One review per quarter, whatever races.
            review.HasIndex(r => new { r.Year, r.Quarter }).IsUnique();
        });
        modelBuilder.Entity<AccessReviewItem>(item =>
        {
            item.ToTable("access_review_items");
            item.HasKey(i => i.Id);
            item.Property(i => i.Id).UseIdentityAlwaysColumn();
            item.Property(i => i.DecidedBy).HasMaxLength(200);
            item.Property(i => i.Reason).HasMaxLength(HmisAccount.MaxRemovalNoteLength);
            item.HasOne<AccessReview>().WithMany().HasForeignKey(i => i.ReviewId);
            item.HasIndex(i => new { i.ReviewId, i.AccountId }).IsUnique();
            // An agency's lines of a review, and the ones still pending.
            item.HasIndex(i => new { i.ReviewId, i.AgencyId, i.Decision, i.Id });
        });
        modelBuilder.Entity<AccountChange>(change =>
        {
            change.ToTable("account_changes");
            change.HasAnnotation(AuditModel.AppendOnlyAnnotation, true);
            change.HasKey(c => c.Id);
            change.Property(c => c.Id).UseIdentityAlwaysColumn();
            change.Property(c => c.Kind).HasConversion<string>().HasMaxLength(32);
            change.Property(c => c.Detail).HasMaxLength(AccountChange.MaxDetailLength);
            change.ComplexProperty(c => c.Actor).MapActor();
            change.HasIndex(c => new { c.AccountId, c.Id });
        });
    }
}
