using HmisPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.BuildingBlocks.Tests.Fakes;

/// <summary>A service database reduced to the messaging tables and one table of its own.</summary>
public sealed class MessagingTestDbContext(DbContextOptions<MessagingTestDbContext> options) : DbContext(options)
{
    public DbSet<Widget> Widgets => Set<Widget>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddMessagingTables();
}
