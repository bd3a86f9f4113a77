using Google.Protobuf.WellKnownTypes;
using Hmis.Events.V1;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.BuildingBlocks.Tests.Fakes;
using HmisPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace HmisPlatform.BuildingBlocks.Tests.Messaging;

public sealed class OutboxRelayTests(MessagingFixture messaging) : IClassFixture<MessagingFixture>
{
    private static TrainingEnrolled Enrolled(string person) => new()
    {
        EventId = Guid.NewGuid().ToString(),
        OccurredAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
        PersonId = person,
        AccessRequestId = Guid.NewGuid().ToString(),
    };

    private Task WriteAsync(params TrainingEnrolled[] events) => messaging.QueryAsync(async db =>
    {
        foreach (var e in events)
        {
            db.Publish(e);
        }
        return await db.SaveChangesAsync();
    });

    private Task<IReadOnlyList<TrainingEnrolled>> StreamAsync() =>
        messaging.Redis.ReadAllAsync<TrainingEnrolled>(messaging.Options.StreamOf(TrainingEnrolled.Descriptor.FullName));

    [Fact]
    public async Task Relay_SendsUnsentRowsInOrderAndMarksThemSent()
    {
        var events = Enumerable.Range(0, 3).Select(i => Enrolled($"in-order-{i}")).ToArray();
        await WriteAsync(events);

        await messaging.Create<OutboxRelay<MessagingTestDbContext>>().PublishBatchAsync(CancellationToken.None);

        var sent = (await StreamAsync()).Where(e => e.PersonId.StartsWith("in-order-", StringComparison.Ordinal));
        Assert.Equal(events.Select(e => e.EventId), sent.Select(e => e.EventId));
        Assert.Equal(0, await messaging.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.SentAt == null)));
    }

    [Fact]
    public async Task Relay_WhileRedisIsUnreachable_KeepsEveryRowAndSendsThemOnceItIsBack()
    {
        var events = Enumerable.Range(0, 2).Select(i => Enrolled($"outage-{i}")).ToArray();
        await WriteAsync(events);
        await using var unreachable = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{FreePort.Next()},abortConnect=false,connectTimeout=200,syncTimeout=500,asyncTimeout=500");

        var failedRelay = messaging.Create<OutboxRelay<MessagingTestDbContext>>(unreachable);
        await Assert.ThrowsAnyAsync<RedisException>(() => failedRelay.PublishBatchAsync(CancellationToken.None));
        Assert.Equal(2, await messaging.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.SentAt == null)));

        await messaging.Create<OutboxRelay<MessagingTestDbContext>>().PublishBatchAsync(CancellationToken.None);

        var sent = (await StreamAsync()).Where(e => e.PersonId.StartsWith("outage-", StringComparison.Ordinal)).ToList();
        Assert.Equal(events.Select(e => e.EventId), sent.Select(e => e.EventId));
    }
}
