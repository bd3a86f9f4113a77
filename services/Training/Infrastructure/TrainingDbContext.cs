using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.Training.Domain.Catalog;
using HmisPlatform.Training.Domain.LearningPaths;
using HmisPlatform.Training.Domain.LmsAccounts;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Training.Infrastructure;

/// <summary>The Training service's database, <c>trainingdb</c>.</summary>
public sealed class TrainingDbContext(DbContextOptions<TrainingDbContext> options) : DbContext(options)
{
    public DbSet<Course> Courses => Set<Course>();

    public DbSet<LearningPath> LearningPaths => Set<LearningPath>();

    public DbSet<LmsAccount> LmsAccounts => Set<LmsAccount>();

    public DbSet<LmsAccountChange> LmsAccountChanges => Set<LmsAccountChange>();

    public DbSet<ImportedCourseRecord> ImportedCourseRecords => Set<ImportedCourseRecord>();

    /// <summary>The catalog as the HMIS team keeps it, by code.</summary>
    public async Task<IReadOnlyDictionary<string, Course>> CatalogAsync(CancellationToken cancellationToken) =>
        await Courses.AsNoTracking().ToDictionaryAsync(c => c.Code, StringComparer.Ordinal, cancellationToken);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddMessagingTables();
        modelBuilder.Entity<Course>(course =>
        {
            course.HasKey(c => c.Code);
            course.Property(c => c.Code).HasMaxLength(64);
            course.Property(c => c.Title).HasMaxLength(200);
            // The catalog arrives with the schema; the HMIS team edits it afterwards.
            course.HasData(CourseCatalog.Courses);
        });
        modelBuilder.Entity<LearningPath>(path =>
        {
            path.HasKey(p => p.Id);
            path.HasIndex(p => new { p.PersonId, p.AccessRequestId }).IsUnique();
            // What the recency sweep looks for: open paths with a completion due to expire, or a reminder due.
            path.HasIndex(p => p.NextExpiryAt).HasFilter("closed_at IS NULL AND expired_at IS NULL");
            path.HasIndex(p => p.ReminderDueAt).HasFilter("reminder_sent_at IS NULL AND completed_at IS NULL AND closed_at IS NULL");
            path.Ignore(p => p.IsComplete);
            path.Ignore(p => p.IsOpen);
            path.Ignore(p => p.HasCeTrainedCourse);
            path.HasIndex(p => p.EnrolledAt).HasFilter("closed_at IS NULL AND expired_at IS NULL AND completed_at IS NULL").HasDatabaseName("ix_learning_paths_open");
            path.OwnsMany(p => p.Courses, course =>
            {
                course.ToTable("path_courses");
                course.WithOwner().HasForeignKey("LearningPathId");
                course.HasKey("LearningPathId", nameof(PathCourse.CourseCode));
                course.Property(c => c.CourseCode).HasMaxLength(64);
                course.Ignore(c => c.IsComplete);
            });
            path.Navigation(p => p.Courses).UsePropertyAccessMode(PropertyAccessMode.Field);
            path.HasMany(p => p.Reports).WithOne().HasForeignKey(r => r.LearningPathId);
            path.Navigation(p => p.Reports).UsePropertyAccessMode(PropertyAccessMode.Field);
            path.HasMany(p => p.Tailorings).WithOne().HasForeignKey(t => t.LearningPathId);
            path.Navigation(p => p.Tailorings).UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        modelBuilder.Entity<PathTailoring>(tailoring =>
        {
            tailoring.ToTable("path_tailorings");
            tailoring.HasAnnotation(AuditModel.AppendOnlyAnnotation, true);
            tailoring.HasKey(t => t.Id);
            tailoring.Property(t => t.Id).UseIdentityAlwaysColumn();
            tailoring.Property(t => t.Reason).HasMaxLength(PathTailoring.MaxReasonLength);
            tailoring.ComplexProperty(t => t.TailoredBy).MapActor();
            tailoring.HasIndex(t => new { t.LearningPathId, t.Id });
        });
        modelBuilder.Entity<ProgressReport>(report =>
        {
            report.ToTable("progress_reports");
            report.HasAnnotation(AuditModel.AppendOnlyAnnotation, true);
            report.HasKey(r => r.Id);
            report.Property(r => r.Id).UseIdentityAlwaysColumn();
            report.Property(r => r.CourseCode).HasMaxLength(64);
            report.Property(r => r.Source).HasMaxLength(ProgressReport.MaxSourceLength);
            report.ComplexProperty(r => r.ReportedBy).MapActor();
            report.HasIndex(r => new { r.LearningPathId, r.Id });
        });
        modelBuilder.Entity<LmsAccount>(account =>
        {
            account.ToTable("lms_accounts");
            account.HasKey(a => a.Id);
            account.Property(a => a.Email).HasMaxLength(254);
            account.Property(a => a.Username).HasMaxLength(64);
            account.Property(a => a.GivenName).HasMaxLength(100);
            account.Property(a => a.FamilyName).HasMaxLength(100);
            // An email and a username belong to one account only, whatever races; one active account per person.
            account.HasIndex(a => a.Email).IsUnique();
            account.HasIndex(a => a.Username).IsUnique();
            account.HasIndex(a => a.PersonId).IsUnique().HasFilter("status = 1").HasDatabaseName("ux_lms_accounts_one_active_per_person");
        });
        modelBuilder.Entity<ImportedCourseRecord>(record =>
        {
            record.ToTable("imported_course_records");
            record.HasKey(r => r.Id);
            record.Property(r => r.Id).UseIdentityAlwaysColumn();
            record.Property(r => r.CourseCode).HasMaxLength(64);
            record.HasOne<LmsAccount>().WithMany().HasForeignKey(r => r.LmsAccountId);
            record.HasIndex(r => new { r.LmsAccountId, r.CourseCode }).IsUnique();
            // A new learning path reads the person's completions.
            record.HasIndex(r => r.PersonId);
        });
        modelBuilder.Entity<LmsAccountChange>(change =>
        {
            change.ToTable("lms_account_changes");
            change.HasAnnotation(AuditModel.AppendOnlyAnnotation, true);
            change.HasKey(c => c.Id);
            change.Property(c => c.Id).UseIdentityAlwaysColumn();
            change.HasOne<LmsAccount>().WithMany().HasForeignKey(c => c.AccountId);
            change.Property(c => c.FromEmail).HasMaxLength(254);
            change.Property(c => c.ToEmail).HasMaxLength(254);
            change.Property(c => c.Reason).HasMaxLength(200);
            change.Property(c => c.ChangedBy).HasMaxLength(200);
            change.HasIndex(c => c.AccountId);
        });
    }
}
