using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using StackExchange.Redis;

namespace HmisPlatform.BuildingBlocks.Hosting;

/// <summary>
/// The clients the gateway has revoked, as every service knows them: the gateway adds a revoked client to a Redis set
/// and announces it on a channel; each service keeps the set in memory (from the announcement at once, and the whole
/// set every <see cref="Refresh"/> in case one was missed), and refuses a token whose client is in it, however valid
/// its signature and lifetime. A revocation is never undone.
/// </summary>
public sealed partial class RevokedClients(IConnectionMultiplexer redis, ILogger<RevokedClients> logger) : BackgroundService
{
    public const string Key = "hmis:revoked-clients";
    public static readonly RedisChannel Channel = RedisChannel.Literal(Key);
    public static readonly TimeSpan Refresh = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, bool> _revoked = new(StringComparer.Ordinal);

    /// <summary>The gateway's side: the client is revoked everywhere from now on.</summary>
    public static async Task RevokeAsync(IConnectionMultiplexer redis, string clientId)
    {
        await redis.GetDatabase().SetAddAsync(Key, clientId);
        await redis.GetSubscriber().PublishAsync(Channel, clientId);
    }

    /// <summary>Whether the token was issued to a revoked client (its <c>client_id</c>, or its subject for a client's own token).</summary>
    public bool IsRevoked(ClaimsPrincipal caller) =>
        caller.FindFirst(PlatformIdentity.ClientIdClaim)?.Value is { } clientId && _revoked.ContainsKey(clientId)
        || caller.FindFirst("sub")?.Value is { } subject && _revoked.ContainsKey(subject);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var subscribed = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!subscribed)
                {
                    await redis.GetSubscriber().SubscribeAsync(Channel, (_, clientId) => Add(clientId));
                    subscribed = true;
                }
                foreach (var clientId in await redis.GetDatabase().SetMembersAsync(Key))
                {
                    Add(clientId);
                }
            }
            catch (RedisException ex)
            {
                // The set already known stays in force; the next round reads it again.
                LogUnreachable(logger, ex.GetType().Name);
            }
            try
            {
                await Task.Delay(Refresh, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void Add(RedisValue clientId)
    {
        if (clientId.HasValue)
        {
            _revoked.TryAdd(clientId.ToString(), true);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The revoked-clients list could not be read ({Error}); the last one known stays in force")]
    private static partial void LogUnreachable(ILogger logger, string error);
}

/// <summary>The token's client has been revoked by the HMIS team.</summary>
public sealed class ClientRevokedException() : SecurityTokenException("The token's client has been revoked.");
