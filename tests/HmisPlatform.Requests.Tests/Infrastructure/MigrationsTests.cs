using Microsoft.EntityFrameworkCore;
using HmisPlatform.Requests.Infrastructure;

namespace HmisPlatform.Requests.Tests.Infrastructure;

public sealed class MigrationsTests
{
    [Fact]
    public void Migrations_CoverEveryChangeOfTheModel()
    {
        using var db = new DesignTimeDbContextFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration: dotnet ef migrations add <Name> -p services/Requests -o Infrastructure/Migrations");
    }
}
