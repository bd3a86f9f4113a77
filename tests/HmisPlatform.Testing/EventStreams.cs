using Google.Protobuf;
using HmisPlatform.BuildingBlocks.Messaging;
using StackExchange.Redis;

namespace HmisPlatform.Testing;

/// <summary>Publishing events into a service under test, and waiting for what it publishes, through the real streams.</summary>
public static class EventStreams
{
    /// <summary>Adds an event to its stream as another service's relay would.</summary>
    public static async Task PublishAsync(this IConnectionMultiplexer redis, string stream, IMessage integrationEvent)
    {
        var eventId = EventEnvelope.EventId(integrationEvent).ToString();
        var database = redis.GetDatabase();
        await database.StreamAddAsync(stream,
        [
            new NameValueEntry(StreamFields.EventId, eventId),
            new NameValueEntry(StreamFields.Payload, integrationEvent.ToByteArray()),
            new NameValueEntry(StreamFields.TraceParent, string.Empty),
        ]);
        StreamWakeUps.Announce(database, [stream]);
    }

    /// <summary>Every event on a stream so far, parsed.</summary>
    public static async Task<IReadOnlyList<TEvent>> ReadAllAsync<TEvent>(this IConnectionMultiplexer redis, string stream)
        where TEvent : IMessage<TEvent>, new()
    {
        var parser = new MessageParser<TEvent>(() => new TEvent());
        var entries = await redis.GetDatabase().StreamRangeAsync(stream);
        return [.. entries.Select(e => parser.ParseFrom((byte[])e[StreamFields.Payload]!))];
    }

    /// <summary>Waits until the stream holds at least <paramref name="count"/> events and returns them.</summary>
    public static Task<IReadOnlyList<TEvent>> WaitForAsync<TEvent>(this IConnectionMultiplexer redis, string stream, int count = 1)
        where TEvent : IMessage<TEvent>, new() =>
        Eventually.ReturnsAsync(() => redis.ReadAllAsync<TEvent>(stream), events => events.Count >= count);

    /// <summary>Waits until the stream holds at least <paramref name="count"/> events that match, and returns those.</summary>
    public static async Task<IReadOnlyList<TEvent>> WaitForAsync<TEvent>(this IConnectionMultiplexer redis, string stream, Func<TEvent, bool> match, int count = 1)
        where TEvent : IMessage<TEvent>, new() =>
        [.. (await Eventually.ReturnsAsync(() => redis.ReadAllAsync<TEvent>(stream), events => events.Count(match) >= count)).Where(match)];
}
