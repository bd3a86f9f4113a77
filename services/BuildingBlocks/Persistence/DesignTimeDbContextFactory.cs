using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HmisPlatform.BuildingBlocks.Persistence;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build a service's model without a running database, with the same
/// provider and naming convention as at run time. Each service derives one for its DbContext.
/// </summary>
public abstract class DesignTimeDbContextFactory<TDbContext> : IDesignTimeDbContextFactory<TDbContext>
    where TDbContext : DbContext
{
    public TDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TDbContext>()
            .UseNpgsql("Host=localhost")
            .UseSnakeCaseNamingConvention()
            .Options;
        return (TDbContext)Activator.CreateInstance(typeof(TDbContext), options)!;
    }
}
