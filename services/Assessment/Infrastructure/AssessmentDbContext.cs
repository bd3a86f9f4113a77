using HmisPlatform.Assessment.Domain.Assignments;
using HmisPlatform.Assessment.Domain.Trainings;
using HmisPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Assessment.Infrastructure;

/// <summary>The Assessment service's database, <c>assessmentdb</c>.</summary>
public sealed class AssessmentDbContext(DbContextOptions<AssessmentDbContext> options) : DbContext(options)
{
    public DbSet<SampleClientAssignment> Assignments => Set<SampleClientAssignment>();

    public DbSet<OutcomeOverride> OutcomeOverrides => Set<OutcomeOverride>();

    public DbSet<CompletedTraining> CompletedTrainings => Set<CompletedTraining>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddMessagingTables();
        modelBuilder.Entity<SampleClientAssignment>(assignment =>
        {
            assignment.ToTable("assignments");
            assignment.HasKey(a => a.Id);
            assignment.Property(a => a.ScenarioCode).HasMaxLength(64);
            assignment.HasIndex(a => new { a.PersonId, a.AccessRequestId }).IsUnique();
            assignment.Ignore(a => a.Scenario);
            assignment.Ignore(a => a.CurrentCase);
            assignment.Ignore(a => a.NextVariant);
            assignment.Ignore(a => a.EligibleScenarios);
            assignment.Ignore(a => a.FreedSeat);
            assignment.Property(a => a.ExpiredReason).HasMaxLength(40);
            // The line, oldest first; the seats; the seats due to expire.
            assignment.HasIndex(a => new { a.JoinedAt, a.Id }).HasFilter("status = 3").HasDatabaseName("ix_assignments_waitlist");
            assignment.HasIndex(a => a.ExpiresAt).HasFilter("status = 1").HasDatabaseName("ix_assignments_seated");
            assignment.HasMany(a => a.Attempts).WithOne().HasForeignKey("AssignmentId");
            assignment.Navigation(a => a.Attempts).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        });
        modelBuilder.Entity<SampleClientAttempt>(attempt =>
        {
            attempt.ToTable("attempts");
            attempt.HasKey(t => t.Id);
            attempt.Property(t => t.Id).ValueGeneratedNever();
            attempt.OwnsMany(t => t.Findings, finding => finding.ToJson());
            attempt.Property(t => t.OverrideReason).HasMaxLength(500);
            attempt.Ignore(t => t.Failed);
            attempt.Property(t => t.ScenarioCode).HasMaxLength(64);
            attempt.ComplexProperty(t => t.SubmittedBy).MapActor();
            // The record as entered, kept whole for staff to go through it with the trainee.
            attempt.Property(t => t.Record).HasColumnType("jsonb").HasConversion(record => RecordJson.Write(record), json => RecordJson.Read(json));
            attempt.OwnsOne(t => t.Walkthrough, walkthrough => walkthrough.Property(w => w.StaffMember).HasMaxLength(200));
        });
        modelBuilder.Entity<CompletedTraining>(training =>
        {
            training.ToTable("completed_trainings");
            training.HasKey(t => new { t.PersonId, t.AccessRequestId });
            training.OwnsMany(t => t.Courses, course => course.ToJson());
        });
        modelBuilder.Entity<OutcomeOverride>(change =>
        {
            change.ToTable("outcome_overrides");
            change.HasAnnotation(AuditModel.AppendOnlyAnnotation, true);
            change.HasKey(c => c.Id);
            change.Property(c => c.Id).UseIdentityAlwaysColumn();
            change.HasOne<SampleClientAssignment>().WithMany().HasForeignKey(c => c.AssignmentId);
            change.Property(c => c.Reason).HasMaxLength(500);
            change.Property(c => c.OverriddenBy).HasMaxLength(200);
            change.HasIndex(c => c.AssignmentId);
        });
    }
}
