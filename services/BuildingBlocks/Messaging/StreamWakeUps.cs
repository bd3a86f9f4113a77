using System.Collections.Concurrent;
using StackExchange.Redis;

namespace HmisPlatform.BuildingBlocks.Messaging;

/// <summary>
/// Wakes a consumer the moment an event reaches its stream, instead of at its next poll: whoever adds entries to a
/// stream (the outbox relay) publishes the stream's name on one Redis channel, and every process's consumers of that
/// stream look at once. Publication is best effort: a wake-up lost while Redis reconnects is made good by the
/// consumers' idle poll (<see cref="MessagingOptions.IdlePollInterval"/>).
/// </summary>
public sealed class StreamWakeUps(IConnectionMultiplexer redis)
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("hmis:streams:added");

    private readonly ConcurrentDictionary<string, OutboxSignal> _streams = new(StringComparer.Ordinal);
    private int _subscribed;

    /// <summary>Tells every consumer of the streams that entries were added (fire and forget).</summary>
    public static void Announce(IDatabase database, IEnumerable<string> streams)
    {
        foreach (var stream in streams.Distinct(StringComparer.Ordinal))
        {
            database.Publish(Channel, stream, CommandFlags.FireAndForget);
        }
    }

    /// <summary>Waits until entries are announced on the stream, or the timeout passes, whichever comes first.</summary>
    public async Task WaitAsync(string stream, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var signal = _streams.GetOrAdd(stream, _ => new OutboxSignal());
        await SubscribeOnceAsync();
        await signal.WaitAsync(timeout, cancellationToken);
    }

    private async Task SubscribeOnceAsync()
    {
        if (Interlocked.CompareExchange(ref _subscribed, 1, 0) != 0)
        {
            return;
        }
        try
        {
            // The multiplexer subscribes again by itself after a reconnection.
            await redis.GetSubscriber().SubscribeAsync(Channel, (_, stream) =>
            {
                if (_streams.TryGetValue((string)stream!, out var signal))
                {
                    signal.Notify();
                }
            });
        }
        catch (RedisException)
        {
            // Redis is away: the consumers poll meanwhile, and the next wait subscribes.
            Volatile.Write(ref _subscribed, 0);
        }
    }
}
