using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HmisPlatform.Requests.Infrastructure;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running database.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<RequestsDbContext>
{
    public RequestsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<RequestsDbContext>()
            .UseNpgsql("Host=localhost;Database=requestsdb")
            .UseSnakeCaseNamingConvention()
            .Options);
}
