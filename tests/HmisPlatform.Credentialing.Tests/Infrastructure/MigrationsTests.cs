using Microsoft.EntityFrameworkCore;
using HmisPlatform.Credentialing.Infrastructure;

namespace HmisPlatform.Credentialing.Tests.Infrastructure;

public sealed class MigrationsTests
{
    [Fact]
    public void Migrations_CoverEveryChangeOfTheModel()
    {
        using var db = new DesignTimeDbContextFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration: dotnet ef migrations add <Name> -p services/Credentialing -o Infrastructure/Migrations");
    }
}
