using System.Net.Http;
using System.Net.Sockets;
using Npgsql;
using StackExchange.Redis;

namespace HmisPlatform.BuildingBlocks.Persistence;

/// <summary>
/// Failures that say nothing about the call, only that a database, Redis or another service was briefly away: a
/// severed or refused connection, a server shutting down or restarting, a lost serialization race. A command that
/// met one changed nothing (its transaction rolled back) and may be tried again; a caller is told UNAVAILABLE.
/// </summary>
public static class TransientFailures
{
    public static bool IsTransient(Exception exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case PostgresException pg:
                    return IsTransientState(pg.SqlState);
                case ConnectionLostException:
                case NpgsqlException { IsTransient: true }:
                case RedisConnectionException:
                case RedisTimeoutException:
                case SocketException:
                case HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError }:
                case TimeoutException:
                    return true;
            }
        }
        return false;
    }

    /// <summary>Tries of work that meets transient failures, the first included.</summary>
    public const int MaxAttempts = 3;

    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Runs work whose every try rolls back whole when it fails (one transaction), trying it again after a transient
    /// failure, up to <see cref="MaxAttempts"/> tries with a growing pause; <paramref name="beforeRetry"/> forgets what the
    /// failed try left behind.
    /// </summary>
    public static async Task<T> RetryAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken, Action? beforeRetry = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await work();
            }
            catch (Exception ex) when (attempt < MaxAttempts && IsTransient(ex) && !cancellationToken.IsCancellationRequested)
            {
                beforeRetry?.Invoke();
                await Task.Delay(RetryPause * attempt, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Connection exceptions (class 08), the server shutting down or not yet accepting (57P01–57P03), too many
    /// connections (53300), and a lost serialization or deadlock race (40001, 40P01).
    /// </summary>
    public static bool IsTransientState(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
            or PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected;
}

/// <summary>A command's database connection died under its transaction; what it met afterwards is inside.</summary>
public sealed class ConnectionLostException(Exception inner) : Exception("The database connection was lost during the command.", inner);
