using HmisPlatform.Assessment.Domain.Assignments;
using HmisPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Assessment.Infrastructure;

/// <summary>The Assessment service's database, <c>assessmentdb</c>.</summary>
public sealed class AssessmentDbContext(DbContextOptions<AssessmentDbContext> options) : DbContext(options)
{
    public DbSet<SampleClientAssignment> Assignments => Set<SampleClientAssignment>();

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
            assignment.Ignore(a => a.AnswerKey);
            assignment.HasMany(a => a.Attempts).WithOne().HasForeignKey("AssignmentId");
            assignment.Navigation(a => a.Attempts).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        });
        modelBuilder.Entity<SampleClientAttempt>(attempt =>
        {
            attempt.ToTable("attempts");
            attempt.HasKey(t => t.Id);
            attempt.Property(t => t.Id).ValueGeneratedNever();
            attempt.OwnsMany(t => t.Findings, finding => finding.ToJson());
        });
    }
}
