using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HmisPlatform.Assessment.Infrastructure;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running database.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AssessmentDbContext>
{
    public AssessmentDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AssessmentDbContext>()
            .UseNpgsql("Host=localhost;Database=assessmentdb")
            .UseSnakeCaseNamingConvention()
            .Options);
}
