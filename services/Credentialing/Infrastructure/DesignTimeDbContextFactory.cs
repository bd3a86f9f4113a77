using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HmisPlatform.Credentialing.Infrastructure;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running database.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<CredentialingDbContext>
{
    public CredentialingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CredentialingDbContext>()
            .UseNpgsql("Host=localhost;Database=credentialingdb")
            .UseSnakeCaseNamingConvention()
            .Options);
}
