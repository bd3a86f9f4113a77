using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.Testing;
using StackExchange.Redis;

namespace HmisPlatform.BuildingBlocks.Tests.Messaging;

/// <summary>What a stream keeps when it is trimmed, on the test Redis: entries old enough are written with ids of 1970.</summary>
public sealed class StreamRetentionTests : IAsyncLifetime
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);
    private readonly string _stream = $"retention-{Guid.NewGuid():N}";
    private IConnectionMultiplexer _redis = null!;

    private IDatabase Database => _redis.GetDatabase();

    public async Task InitializeAsync() => _redis = await ConnectionMultiplexer.ConnectAsync((await LocalServers.GetAsync()).Redis);

    public async Task DisposeAsync()
    {
        await Database.KeyDeleteAsync(_stream);
        await _redis.DisposeAsync();
    }

    private async Task AddAsync(params string[] ids)
    {
        foreach (var id in ids)
        {
            await Database.StreamAddAsync(_stream, "n", id, messageId: id);
        }
    }

    /// <summary>The group reads every entry and acknowledges those named.</summary>
    private async Task ReadAsync(string group, params string[] acknowledged)
    {
        await Database.StreamCreateConsumerGroupAsync(_stream, group, "0-0");
        await Database.StreamReadGroupAsync(_stream, group, "consumer", ">");
        foreach (var id in acknowledged)
        {
            await Database.StreamAcknowledgeAsync(_stream, group, id);
        }
    }

    private async Task<string[]> EntriesAsync() => [.. (await Database.StreamRangeAsync(_stream)).Select(e => e.Id.ToString())];

    [Fact]
    public async Task OldEntriesEveryGroupAcknowledged_Go_AndTheFirstOnePendingAnywhere_StaysWithAllAfterIt()
    {
        await AddAsync("1000-0", "2000-0", "3000-0", "4000-0");
        await ReadAsync("all-done", "1000-0", "2000-0", "3000-0", "4000-0");
        await ReadAsync("one-pending", "1000-0", "2000-0", "4000-0");

        var trimmed = await StreamRetention.TrimAsync(Database, _stream, Week, DateTimeOffset.UtcNow);

        Assert.Equal(2, trimmed);
        Assert.Equal(["3000-0", "4000-0"], await EntriesAsync());
    }

    [Fact]
    public async Task EntriesAGroupHasNotReadYet_Stay()
    {
        await AddAsync("1000-0", "2000-0");
        await ReadAsync("all-done", "1000-0", "2000-0");
        await Database.StreamCreateConsumerGroupAsync(_stream, "not-started", "0-0");

        Assert.Equal(0, await StreamRetention.TrimAsync(Database, _stream, Week, DateTimeOffset.UtcNow));
        Assert.Equal(["1000-0", "2000-0"], await EntriesAsync());
    }

    [Fact]
    public async Task AcknowledgedEntries_StayForTheRetention()
    {
        var now = DateTimeOffset.UtcNow;
        string At(DateTimeOffset time) => $"{time.ToUnixTimeMilliseconds()}-0";
        await AddAsync(At(now - TimeSpan.FromDays(8)), At(now - TimeSpan.FromDays(6)), At(now - TimeSpan.FromMinutes(1)));
        await ReadAsync("all-done", await EntriesAsync());

        Assert.Equal(1, await StreamRetention.TrimAsync(Database, _stream, Week, now));
        Assert.Equal([At(now - TimeSpan.FromDays(6)), At(now - TimeSpan.FromMinutes(1))], await EntriesAsync());
    }

    [Fact]
    public async Task AStreamNobodyReads_AndOneThatIsNotThere_AreLeftAlone()
    {
        await AddAsync("1000-0", "2000-0");

        Assert.Equal(0, await StreamRetention.TrimAsync(Database, _stream, Week, DateTimeOffset.UtcNow));
        Assert.Equal(0, await StreamRetention.TrimAsync(Database, $"missing-{Guid.NewGuid():N}", Week, DateTimeOffset.UtcNow));
        Assert.Equal(["1000-0", "2000-0"], await EntriesAsync());
    }
}
