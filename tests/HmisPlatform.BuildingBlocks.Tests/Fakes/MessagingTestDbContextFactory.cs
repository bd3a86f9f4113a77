using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HmisPlatform.BuildingBlocks.Tests.Fakes;

/// <summary>Lets <c>dotnet ef migrations add</c> build the test model.</summary>
internal sealed class MessagingTestDbContextFactory : IDesignTimeDbContextFactory<MessagingTestDbContext>
{
    public MessagingTestDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<MessagingTestDbContext>().UseNpgsql("Host=localhost").UseSnakeCaseNamingConvention().Options);
}
