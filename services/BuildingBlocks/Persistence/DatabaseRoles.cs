using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace HmisPlatform.BuildingBlocks.Persistence;

/// <summary>
/// Least privilege in the database. The migration step connects as the database's owner (the migration role) and
/// owns the schema; the service itself connects as its own role (<c>Database:ServiceRole</c>), which after every
/// migration may connect to its own database only, read and write its tables, and only read and add to its audit
/// tables (<see cref="AuditModel.AppendOnlyAnnotation"/>). It owns nothing, so it can create, alter or drop nothing:
/// not a table, not the append-only triggers. With <c>Database:ServiceRolePassword</c> the migration step creates
/// the role (or sets its password); without it, the role is expected to exist already.
/// </summary>
public static partial class DatabaseRoles
{
    public const string RoleSetting = "Database:ServiceRole";
    public const string PasswordSetting = "Database:ServiceRolePassword";

    public static async Task GrantServiceRoleAsync(DbContext db, string role, string? password, CancellationToken cancellationToken = default)
    {
        if (!RoleName().IsMatch(role))
        {
            throw new ArgumentException($"{RoleSetting} must be a lower-case SQL name (letters, digits, underscores).", nameof(role));
        }
        var database = Quote(db.Database.GetDbConnection().Database);
        var grantee = Quote(role);
        if (password is not null)
        {
            await EnsureRoleAsync(db, role, password, cancellationToken);
        }
        List<string> statements =
        [
            $"REVOKE ALL ON DATABASE {database} FROM PUBLIC",
            $"GRANT CONNECT, TEMPORARY ON DATABASE {database} TO {grantee}",
            "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
            $"GRANT USAGE ON SCHEMA public TO {grantee}",
            $"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {grantee}",
            $"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {grantee}",
            $"REVOKE ALL ON {Quote(HistoryTable)} FROM {grantee}",
        ];
        statements.AddRange(AppendOnlyTables(db).Select(table => $"REVOKE UPDATE, DELETE, TRUNCATE ON {Quote(table)} FROM {grantee}"));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var statement in statements)
        {
#pragma warning disable EF1002 // Names are quoted identifiers checked above or taken from the model; no value is interpolated.
            await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
#pragma warning restore EF1002
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The audit tables of the context's model: read and added to, never changed.</summary>
    public static IReadOnlyList<string> AppendOnlyTables(DbContext db) =>
        [.. db.GetService<IDesignTimeModel>().Model.GetEntityTypes()
            .Where(e => e.FindAnnotation(AuditModel.AppendOnlyAnnotation)?.Value is true)
            .Select(e => e.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal)];

    private const string HistoryTable = "__EFMigrationsHistory";

    private static async Task EnsureRoleAsync(DbContext db, string role, string password, CancellationToken cancellationToken)
    {
        // Role DDL takes no parameters: the password goes in as a quoted literal, never logged.
        var literal = "'" + password.Replace("'", "''", StringComparison.Ordinal) + "'";
        var exists = await db.Database.SqlQuery<bool>($"SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = {role}) AS \"Value\"")
            .SingleAsync(cancellationToken);
        try
        {
#pragma warning disable EF1002
            await db.Database.ExecuteSqlRawAsync(exists
                ? $"ALTER ROLE {Quote(role)} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD {literal}"
                : $"CREATE ROLE {Quote(role)} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD {literal}", cancellationToken);
#pragma warning restore EF1002
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateObject)
        {
            // Another service's migration step made the same role a moment ago: set its password instead.
            await EnsureRoleAsync(db, role, password, cancellationToken);
        }
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex RoleName();
}
