using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.Training.Domain.Catalog;
using HmisPlatform.Training.Domain.LearningPaths;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Training.Infrastructure;

/// <summary>The Training service's database, <c>trainingdb</c>.</summary>
public sealed class TrainingDbContext(DbContextOptions<TrainingDbContext> options) : DbContext(options)
{
    public DbSet<Course> Courses => Set<Course>();

    public DbSet<LearningPath> LearningPaths => Set<LearningPath>();

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
            path.OwnsMany(p => p.Courses, course =>
            {
                course.ToTable("path_courses");
                course.WithOwner().HasForeignKey("LearningPathId");
                course.HasKey("LearningPathId", nameof(PathCourse.CourseCode));
                course.Property(c => c.CourseCode).HasMaxLength(64);
            });
            path.Navigation(p => p.Courses).UsePropertyAccessMode(PropertyAccessMode.Field);
        });
    }
}
