using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.BuildingBlocks.Persistence;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HmisPlatform.BuildingBlocks.Idempotency;

/// <summary>
/// Runs a mutating call at most once per idempotency key. The command's changes, its outbox rows and the stored
/// answer commit in one transaction; the key's primary key (or another unique index the command's rows touch) decides
/// between two concurrent first tries, and the loser's changes roll back and it returns the winner's answer. A failed command stores nothing, so it can be retried.
/// A key belongs to the caller who used it first (who they are and the client they came through): the same key from
/// anyone else is refused as reused, never answered with another caller's answer.
/// </summary>
public sealed class IdempotentCommands<TDbContext>(TDbContext db, OutboxSignal outboxSignal, TimeProvider time, IHttpContextAccessor? http = null)
    where TDbContext : DbContext
{
    public const string KeyReusedReason = "IDEMPOTENCY_KEY_REUSED";

    public Task<TResponse> RunAsync<TRequest, TResponse>(
        string requestId, TRequest request, Func<CancellationToken, Task<TResponse>> command, CancellationToken cancellationToken)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>, new() =>
        RunAsync(requestId, request, _ => Task.FromResult(true), (_, ct) => command(ct), cancellationToken);

    /// <summary>
    /// As <see cref="RunAsync{TRequest,TResponse}(string,TRequest,Func{CancellationToken,Task{TResponse}},CancellationToken)"/>,
    /// with what the command needs from the network (another service's answers) read first, before the transaction
    /// opens: a slow service then holds no locks or connection. A replay answers before anything is read.
    /// </summary>
    public async Task<TResponse> RunAsync<TRequest, TPrepared, TResponse>(
        string requestId, TRequest request, Func<CancellationToken, Task<TPrepared>> prepare,
        Func<TPrepared, CancellationToken, Task<TResponse>> command, CancellationToken cancellationToken)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>, new()
    {
        var key = Ids.Parse(requestId, "request_id");
        var method = request.Descriptor.FullName;
        var hash = RequestHash(request, CallerOf(http?.HttpContext?.User));
        // A transient failure (a severed connection, a restarting server) rolled the try back: it is made again from
        // the start, so a try whose commit did reach the database is answered from its stored record, never run twice.
        return await TransientFailures.RetryAsync(() => RunOnceAsync(key, method, hash, prepare, command, cancellationToken),
            cancellationToken, beforeRetry: db.ChangeTracker.Clear);
    }

    private async Task<TResponse> RunOnceAsync<TPrepared, TResponse>(
        Guid key, string method, byte[] hash, Func<CancellationToken, Task<TPrepared>> prepare,
        Func<TPrepared, CancellationToken, Task<TResponse>> command, CancellationToken cancellationToken)
        where TResponse : IMessage<TResponse>, new()
    {
        var earlier = await FindAsync(key, cancellationToken);
        if (earlier is not null)
        {
            return Replay<TResponse>(earlier, method, hash);
        }

        var prepared = await prepare(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        TResponse response;
        try
        {
            response = await command(prepared, cancellationToken);
            db.Set<IdempotencyRecord>().Add(new IdempotencyRecord(key, method, hash, response.ToByteArray(), time.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception ex) when (IsConflict(ex))
        {
            // A concurrent first try with the same key may have won: its rows made this one conflict. Then its
            // answer is this one's too; otherwise the conflict is real and goes to the caller.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var winner = await FindAsync(key, cancellationToken);
            if (winner is null)
            {
                throw;
            }
            return Replay<TResponse>(winner, method, hash);
        }
        catch (Exception ex) when (!TransientFailures.IsTransient(ex) && ConnectionLost())
        {
            // The connection died under the transaction and a later step met only its remains ("transaction is already
            // completed"): the failure is the connection's, and the try may be made again.
            throw new ConnectionLostException(ex);
        }
        outboxSignal.Notify();
        return response;
    }

    /// <summary>Whether the command's connection is no longer open, checked before the transaction is disposed.</summary>
    private bool ConnectionLost() =>
        db.Database.GetDbConnection() is var connection
        && (connection.State != System.Data.ConnectionState.Open
            || (connection is NpgsqlConnection npgsql && npgsql.FullState.HasFlag(System.Data.ConnectionState.Broken)));

    private static bool IsConflict(Exception ex) =>
        ex is DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } }
        || ex is DomainException { Kind: ErrorKind.AlreadyExists };

    private Task<IdempotencyRecord?> FindAsync(Guid key, CancellationToken cancellationToken) =>
        db.Set<IdempotencyRecord>().AsNoTracking().SingleOrDefaultAsync(r => r.Key == key, cancellationToken);

    private static TResponse Replay<TResponse>(IdempotencyRecord record, string method, byte[] hash)
        where TResponse : IMessage<TResponse>, new()
    {
        if (record.Method != method || !CryptographicOperations.FixedTimeEquals(record.RequestHash, hash))
        {
            throw DomainException.Invalid(KeyReusedReason,
                "This request_id was already used for a different request; use a new request_id.",
                new FieldViolation("request_id", "already used for a different request", KeyReusedReason));
        }
        return new MessageParser<TResponse>(() => new TResponse()).ParseFrom(record.Response);
    }

    /// <summary>Who is calling, as far as a key's owner goes: their subject and the client they came through.</summary>
    internal static string CallerOf(ClaimsPrincipal? user) =>
        user is null ? "" : $"{user.FindFirst("sub")?.Value}\n{user.FindFirst(PlatformIdentity.ClientIdClaim)?.Value}";

    /// <summary>
    /// SHA-256 over the method name, the caller and the request without its request_id, so only the body and who sent it
    /// decide.
    /// </summary>
    internal static byte[] RequestHash<TRequest>(TRequest request, string caller)
        where TRequest : IMessage<TRequest>
    {
        var body = request.Clone();
        body.Descriptor.FindFieldByName("request_id")?.Accessor.Clear(body);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(request.Descriptor.FullName));
        sha.AppendData(Encoding.UTF8.GetBytes("\n" + caller + "\n"));
        sha.AppendData(body.ToByteArray());
        return sha.GetHashAndReset();
    }
}
