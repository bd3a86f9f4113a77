using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HmisPlatform.BuildingBlocks.Persistence;

/// <summary>
/// The migration step of a service: run with <c>--migrate</c> as the database's owner, the service applies its EF Core
/// migrations (creating the database if needed), grants its own role what it may do (<see cref="DatabaseRoles"/>),
/// seeds what it needs, and exits; the AppHost starts the service only after it succeeded. On Kubernetes the migration
/// is a Job, and each replica's init container runs the service with <c>--wait-for-migrations</c>, which returns once
/// the database has every migration of this version (deploy/kubernetes).
/// </summary>
public static partial class DatabaseMigrations
{
    public const string MigrateArgument = "--migrate";

    public const string WaitArgument = "--wait-for-migrations";

    /// <summary>How long <see cref="WaitArgument"/> waits before it fails (and its init container is started again).</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromMinutes(10);

    public static bool IsMigrationRun(string[] args) => args.Contains(MigrateArgument, StringComparer.Ordinal);

    /// <summary>
    /// Returns once the database has every migration of this version, asking every <paramref name="poll"/> (2 s by
    /// default); throws <see cref="TimeoutException"/> after <paramref name="timeout"/>. A database not there yet, or
    /// a role the migration has not made yet, is waited for like a pending migration.
    /// </summary>
    public static async Task WaitForMigrationsAsync<TDbContext>(IServiceProvider services, TimeSpan timeout, TimeSpan? poll = null,
        CancellationToken cancellationToken = default)
        where TDbContext : DbContext
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseMigrations));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            while (true)
            {
                try
                {
                    await using var scope = services.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
                    var pending = (await db.Database.GetPendingMigrationsAsync(deadline.Token)).Count();
                    if (pending == 0)
                    {
                        LogMigrationsPresent(logger, typeof(TDbContext).Name);
                        return;
                    }
                    LogWaitingForMigrations(logger, typeof(TDbContext).Name, pending);
                }
                catch (System.Data.Common.DbException ex)
                {
                    // The message names no secret: Npgsql's errors carry the server's text, never the password.
                    LogWaitingForDatabase(logger, typeof(TDbContext).Name, ex.GetType().Name);
                }
                await Task.Delay(poll ?? TimeSpan.FromSeconds(2), deadline.Token);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The database of {typeof(TDbContext).Name} did not get this version's migrations within {timeout}.");
        }
    }

    public static async Task MigrateAsync<TDbContext>(IServiceProvider services, Func<TDbContext, CancellationToken, Task>? seed = null, CancellationToken cancellationToken = default)
        where TDbContext : DbContext
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseMigrations));
        await EnsureKnownHistoryAsync(db, cancellationToken);
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

    public const string UnknownMigrationsReason = "The database was made by migrations this version does not have";

    /// <summary>
    /// A database whose history names migrations this version does not have (made by another version, or before the
    /// migrations were squashed into one Initial on 2026-12-06, when nothing was installed yet) is refused as it is:
    /// applying this version's migrations over it would fail half-way, or worse, succeed on a schema it does not know.
    /// </summary>
    private static async Task EnsureKnownHistoryAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Database.CanConnectAsync(cancellationToken))
        {
            return;
        }
        var unknown = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Except(db.Database.GetMigrations(), StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"{UnknownMigrationsReason} ({string.Join(", ", unknown.Take(3))}{(unknown.Count > 3 ? ", …" : "")}). Recreate the database " +
                "from this version, or run the version that made it; for the local run, delete the folder .data/local.");
        }
    }

    /// <summary>
    /// Runs the migration step (seeding only in Development), or waits for it (<see cref="WaitArgument"/>), and returns
    /// true when the process was started for either.
    /// </summary>
    public static async Task<bool> RunIfRequestedAsync<TDbContext>(this IHost host, string[] args, Func<TDbContext, CancellationToken, Task>? seed = null)
        where TDbContext : DbContext
    {
        if (args.Contains(WaitArgument, StringComparer.Ordinal))
        {
            await WaitForMigrationsAsync<TDbContext>(host.Services, DefaultWait);
            return true;
        }
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

    [LoggerMessage(Level = LogLevel.Information, Message = "{DbContext}: the database has every migration of this version")]
    private static partial void LogMigrationsPresent(ILogger logger, string dbContext);

    [LoggerMessage(Level = LogLevel.Information, Message = "{DbContext}: waiting for {Pending} migrations")]
    private static partial void LogWaitingForMigrations(ILogger logger, string dbContext, int pending);

    [LoggerMessage(Level = LogLevel.Information, Message = "{DbContext}: waiting for the database ({Failure})")]
    private static partial void LogWaitingForDatabase(ILogger logger, string dbContext, string failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "{DbContext}: applied {Pending} pending migrations")]
    private static partial void LogMigrated(ILogger logger, string dbContext, int pending);
}
