using StackExchange.Redis;

namespace HmisPlatform.BuildingBlocks.Messaging;

/// <summary>
/// Keeps an event stream from growing for ever: removes the entries that every consumer group of the stream has
/// acknowledged and that are older than the retention (<see cref="MessagingOptions.StreamRetention"/>). An entry still
/// pending in any group (its handler failed, or its replica died) is kept however old, as is every entry of a group
/// that has read nothing yet. A stream nobody reads is never trimmed: a consumer group made later starts from its
/// beginning. The outbox keeps each event until Redis accepted it; this trims only what has been applied everywhere.
/// </summary>
public static class StreamRetention
{
    /// <summary>Trims the stream; returns how many entries went. Entry ids are Redis's clock in milliseconds.</summary>
    public static async Task<long> TrimAsync(IDatabase database, RedisKey stream, TimeSpan retention, DateTimeOffset now)
    {
        StreamGroupInfo[] groups;
        try
        {
            groups = await database.StreamGroupInfoAsync(stream);
        }
        catch (RedisServerException ex) when (ex.Message.Contains("no such key", StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }
        if (groups.Length == 0)
        {
            return 0;
        }
        var keepFrom = new EntryId(Math.Max(0, (now - retention).ToUnixTimeMilliseconds()), 0);
        foreach (var group in groups)
        {
            // Entries up to the group's last delivered one are acknowledged, except those still pending in it.
            var firstUnacknowledged = group.PendingMessageCount > 0
                ? EntryId.Parse((await database.StreamPendingAsync(stream, group.Name)).LowestPendingMessageId!)
                : EntryId.Parse(group.LastDeliveredId!).Next;
            keepFrom = EntryId.Min(keepFrom, firstUnacknowledged);
        }
        return await database.StreamTrimByMinIdAsync(stream, keepFrom.ToString());
    }

    /// <summary>A stream entry's id: milliseconds and a sequence number.</summary>
    private readonly record struct EntryId(long Milliseconds, long Sequence)
    {
        public EntryId Next => Sequence == long.MaxValue ? new(Milliseconds + 1, 0) : new(Milliseconds, Sequence + 1);

        public static EntryId Parse(string id)
        {
            var dash = id.IndexOf('-', StringComparison.Ordinal);
            return dash < 0
                ? new(long.Parse(id, System.Globalization.CultureInfo.InvariantCulture), 0)
                : new(long.Parse(id.AsSpan(0, dash), System.Globalization.CultureInfo.InvariantCulture),
                    long.Parse(id.AsSpan(dash + 1), System.Globalization.CultureInfo.InvariantCulture));
        }

        public static EntryId Min(EntryId a, EntryId b) =>
            a.Milliseconds < b.Milliseconds || (a.Milliseconds == b.Milliseconds && a.Sequence <= b.Sequence) ? a : b;

        public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Milliseconds}-{Sequence}");
    }
}
