using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HmisPlatform.BuildingBlocks.Persistence;

/// <summary>
/// The migration step of a service: run with <c>--migrate</c> as the database's owner, the service applies its EF Core
/// migrations (creating the database if needed), grants its own role what it may do (<see cref="DatabaseRoles"/>),
/// seeds what it needs, and exits; the AppHost starts the service only after it succeeded.
/// </summary>
public static partial class DatabaseMigrations
{
    public const string MigrateArgument = "--migrate";

    public static bool IsMigrationRun(string[] args) => args.Contains(MigrateArgument, StringComparer.Ordinal);

    public static async Task MigrateAsync<TDbContext>(IServiceProvider services, Func<TDbContext, CancellationToken, Task>? seed = null, CancellationToken cancellationToken = default)
        where TDbContext : DbContext
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseMigrations));
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        await db.Database.MigrateAsync(cancellationToken);
        LogMigrated(logger, typeof(TDbContext).Name, pending);
        var configuration = scope.ServiceProvider.GetService<IConfiguration>();
        if (configuration?[DatabaseRoles.RoleSetting] is { Length: > 0 } role)
        {
            await DatabaseRoles.GrantServiceRoleAsync(db, role, configuration[DatabaseRoles.PasswordSetting] is { Length: > 0 } password ? password : null, cancellationToken);
            LogGranted(logger, role);
        }
        if (seed is not null)
        {
            await seed(db, cancellationToken);
        }
    }

    /// <summary>Runs the migration step (seeding only in Development) and returns true when the process was started for it.</summary>
    public static async Task<bool> RunIfRequestedAsync<TDbContext>(this IHost host, string[] args, Func<TDbContext, CancellationToken, Task>? seed = null)
        where TDbContext : DbContext
    {
        if (!IsMigrationRun(args))
        {
            return false;
        }
        // Demo data belongs to Development runs only.
        var environment = host.Services.GetRequiredService<IHostEnvironment>();
        await MigrateAsync(host.Services, environment.IsDevelopment() ? seed : null);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The service role {Role} may now read and write its tables, and only read and add to its audit tables")]
    private static partial void LogGranted(ILogger logger, string role);

    [LoggerMessage(Level = LogLevel.Information, Message = "{DbContext}: applied {Pending} pending migrations")]
    private static partial void LogMigrated(ILogger logger, string dbContext, int pending);
}
