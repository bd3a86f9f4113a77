using HmisPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HmisPlatform.BuildingBlocks.Tests.Fakes;

/// <summary>A service database reduced to the messaging tables and one table of its own.</summary>
public sealed class MessagingTestDbContext(DbContextOptions<MessagingTestDbContext> options) : DbContext(options)
{
    public DbSet<Widget> Widgets => Set<Widget>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddMessagingTables();
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the test model.</summary>
internal sealed class MessagingTestDbContextFactory : IDesignTimeDbContextFactory<MessagingTestDbContext>
{
    public MessagingTestDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<MessagingTestDbContext>().UseNpgsql("Host=localhost").UseSnakeCaseNamingConvention().Options);
}
