using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.Credentialing.Infrastructure;
using HmisPlatform.Credentialing.Tests.Api;
using HmisPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HmisPlatform.Credentialing.Tests.Infrastructure;

/// <summary>
/// ASVS 5.0 V13.2.2 / HUD 4.3.1 (least privilege): the service's own database role reads and writes its tables, only
/// reads and adds to its audit tables, changes no schema, and reaches no other database.
/// </summary>
public sealed class DatabaseRoleTests(CredentialingFixture service) : IClassFixture<CredentialingFixture>
{
    private readonly string _role = $"credentialing_{Guid.NewGuid():N}"[..30];
    private readonly string _password = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));

    private async Task<NpgsqlConnection> ConnectAsRoleAsync(string? database = null)
    {
        await using var scope = service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CredentialingDbContext>();
        var owner = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        var asRole = new NpgsqlConnectionStringBuilder(owner.ConnectionString)
        {
            Username = _role, Password = _password, Database = database ?? owner.Database, Pooling = false,
        };
        var connection = new NpgsqlConnection(asRole.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private async Task GrantAsync()
    {
        await using var scope = service.Services.CreateAsyncScope();
        await DatabaseRoles.GrantServiceRoleAsync(scope.ServiceProvider.GetRequiredService<CredentialingDbContext>(), _role, _password);
    }

    private static async Task<string?> RefusalOfAsync(NpgsqlConnection connection, string sql)
    {
        try
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
            return null;
        }
        catch (PostgresException ex)
        {
            return ex.SqlState;
        }
    }

    [Fact]
    public void TheAuditTables_AreTheModelsAppendOnlyOnes()
    {
        using var db = new DesignTimeDbContextFactory().CreateDbContext([]);

        Assert.Equal(["account_changes", "credit_ledger"], DatabaseRoles.AppendOnlyTables(db));
    }

    [Trait("ASVS", "8.2.1")]
    [Fact]
    public async Task TheServiceRole_WritesItsTables_OnlyAddsToItsAudit_AndChangesNoSchema()
    {
        await GrantAsync();
        await using var connection = await ConnectAsRoleAsync();

        Assert.Null(await RefusalOfAsync(connection, "SELECT count(*) FROM account_changes"));
        Assert.Null(await RefusalOfAsync(connection, "UPDATE accounts SET status = status WHERE false"));
        Assert.Null(await RefusalOfAsync(connection, "DELETE FROM credit_reservations WHERE false"));
        foreach (var sql in new[]
        {
            "UPDATE account_changes SET detail = detail WHERE false",
            "DELETE FROM account_changes WHERE false",
            "UPDATE credit_ledger SET credits = credits WHERE false",
            "TRUNCATE credit_ledger",
            "DROP TRIGGER account_changes_append_only ON account_changes",
            "ALTER TABLE accounts ADD COLUMN backdoor text",
            "CREATE TABLE backdoor (id int)",
            "SELECT count(*) FROM \"__EFMigrationsHistory\"",
        })
        {
            Assert.True(await RefusalOfAsync(connection, sql) == PostgresErrorCodes.InsufficientPrivilege, sql);
        }
    }

    [Trait("ASVS", "8.2.1")]
    [Fact]
    public async Task TheServiceRole_CannotConnectToAnotherServicesDatabase()
    {
        await GrantAsync();
        var other = $"other_{Guid.NewGuid():N}";
        var servers = await LocalServers.GetAsync();
        // Another database as its own migration step leaves it: migrated, and open to its own role only.
        var otherOptions = new DbContextOptionsBuilder<CredentialingDbContext>()
            .UseNpgsql($"{servers.Postgres};Database={other};Pooling=false").UseSnakeCaseNamingConvention().Options;
        await using (var otherDb = new CredentialingDbContext(otherOptions))
        {
            await otherDb.Database.MigrateAsync();
            await DatabaseRoles.GrantServiceRoleAsync(otherDb, $"other_{Guid.NewGuid():N}"[..20], "another-password-of-thirty-two-chars");
        }

        var refused = await Assert.ThrowsAsync<PostgresException>(() => ConnectAsRoleAsync(other));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }
}
