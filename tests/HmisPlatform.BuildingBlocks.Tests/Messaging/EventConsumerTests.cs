using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Hmis.Events.V1;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.BuildingBlocks.Tests.Fakes;
using HmisPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace HmisPlatform.BuildingBlocks.Tests.Messaging;

/// <summary>Each test runs on its own fixture (database, stream, group), since they count what the one consumer did.</summary>
public sealed class EventConsumerTests : IAsyncLifetime
{
    private readonly MessagingFixture _messaging = new();
    private EventConsumer<MessagingTestDbContext, TrainingEnrolled> _consumer = null!;

    public async Task InitializeAsync()
    {
        await _messaging.InitializeAsync();
        _consumer = _messaging.Create<EventConsumer<MessagingTestDbContext, TrainingEnrolled>>();
        await _messaging.Redis.GetDatabase().StreamCreateConsumerGroupAsync(Stream, _messaging.Options.ConsumerGroup, "0-0", createStream: true);
    }

    public Task DisposeAsync() => _messaging.DisposeAsync();

    private string Stream => _messaging.Options.StreamOf(TrainingEnrolled.Descriptor.FullName);

    private static TrainingEnrolled Enrolled(Guid person) => new()
    {
        EventId = Guid.NewGuid().ToString(),
        OccurredAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
        PersonId = person.ToString(),
        AccessRequestId = Guid.NewGuid().ToString(),
    };

    private Task<int> WidgetsAsync(Guid person) => _messaging.QueryAsync(db => db.Widgets.CountAsync(w => w.Id == person));

    private Task<int> DeadLettersAsync() => _messaging.QueryAsync(db => db.Set<DeadLetter>().CountAsync());

    private async Task<long> PendingAsync() =>
        (await _messaging.Redis.GetDatabase().StreamPendingAsync(Stream, _messaging.Options.ConsumerGroup)).PendingMessageCount;

    private Task PollOnceAsync() => _consumer.PollOnceAsync(CancellationToken.None);

    /// <summary>
    /// Polls as the consumer's loop would until <paramref name="read"/> shows <paramref name="isDone"/>: a failed delivery
    /// is claimed again once Redis has seen it idle for the retry delay, so no clock of the test's can hurry it.
    /// </summary>
    private Task<T> PollUntilAsync<T>(Func<Task<T>> read, Func<T, bool> isDone) =>
        Eventually.ReturnsAsync(async () =>
        {
            await PollOnceAsync();
            return await read();
        }, isDone);

    [Fact]
    public async Task AnEventAddedToItsStream_WakesTheConsumer_WithoutWaitingForItsIdlePoll()
    {
        var options = _messaging.Options;
        var idle = new MessagingOptions
        {
            ConsumerGroup = options.ConsumerGroup, StreamPrefix = options.StreamPrefix, RetryDelay = options.RetryDelay, IdlePollInterval = TimeSpan.FromHours(1),
        };
        var consumer = _messaging.Create<EventConsumer<MessagingTestDbContext, TrainingEnrolled>>(Microsoft.Extensions.Options.Options.Create(idle));
        await consumer.StartAsync(CancellationToken.None);
        try
        {
            // A wake-up announced before the consumer subscribed is lost (the idle poll is the net for that): announce
            // events until one is applied, each after the last had a moment.
            var people = new List<Guid>();
            var applied = await Eventually.ReturnsAsync(async () =>
            {
                people.Add(Guid.NewGuid());
                await _messaging.Redis.PublishAsync(Stream, Enrolled(people[^1]));
                await Task.Delay(200);
                return await _messaging.QueryAsync(db => db.Widgets.CountAsync(w => people.Contains(w.Id)));
            }, n => n > 0, TimeSpan.FromSeconds(20));

            Assert.True(applied > 0);
        }
        finally
        {
            await consumer.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task AHandlerMeetingADatabaseOutage_IsNotDeadLettered_HoweverOftenItIsTried()
    {
        var person = Guid.NewGuid();
        _messaging.Failures.Transient = true;
        _messaging.Failures.FailuresLeft = _messaging.Options.MaxDeliveries + 2;
        await _messaging.Redis.PublishAsync(Stream, Enrolled(person));

        Assert.Equal(1, await PollUntilAsync(() => WidgetsAsync(person), n => n == 1));

        Assert.Equal(0, await DeadLettersAsync());
        Assert.Equal(0, await PendingAsync());
    }

    [Fact]
    public async Task SameEventDeliveredTwice_IsAppliedOnce()
    {
        var person = Guid.NewGuid();
        var enrolled = Enrolled(person);
        await _messaging.Redis.PublishAsync(Stream, enrolled);
        await _messaging.Redis.PublishAsync(Stream, enrolled);

        await PollOnceAsync();

        Assert.Equal(1, await WidgetsAsync(person));
        Assert.Equal(0, await PendingAsync());
    }

    [Fact]
    public async Task AnEventOlderThanTheRetention_OnceApplied_IsTrimmedFromItsStream_AndARecentOneStays()
    {
        var (old, recent) = (Guid.NewGuid(), Guid.NewGuid());
        var oldEvent = Enrolled(old);
        await _messaging.Redis.GetDatabase().StreamAddAsync(Stream,
            [
                new NameValueEntry(StreamFields.EventId, oldEvent.EventId),
                new NameValueEntry(StreamFields.Payload, oldEvent.ToByteArray()),
                new NameValueEntry(StreamFields.TraceParent, string.Empty),
            ],
            messageId: "1000-0");
        await _messaging.Redis.PublishAsync(Stream, Enrolled(recent));

        await PollOnceAsync();

        Assert.Equal((1, 1), (await WidgetsAsync(old), await WidgetsAsync(recent)));
        var left = Assert.Single(await _messaging.Redis.GetDatabase().StreamRangeAsync(Stream));
        Assert.NotEqual("1000-0", left.Id.ToString());
    }

    [Fact]
    public async Task HandlerFailingOnce_IsRetriedAndAppliedOnce()
    {
        var person = Guid.NewGuid();
        _messaging.Failures.FailuresLeft = 1;
        await _messaging.Redis.PublishAsync(Stream, Enrolled(person));

        await PollOnceAsync();
        Assert.Equal(0, await WidgetsAsync(person));
        Assert.Equal(1, await PendingAsync());

        await PollUntilAsync(() => WidgetsAsync(person), widgets => widgets == 1);
        Assert.Equal(0, await PendingAsync());
        Assert.Equal(0, await DeadLettersAsync());
    }

    [Fact]
    public async Task HandlerAlwaysFailing_IsDeadLetteredAfterMaxDeliveriesAndChangesNothing()
    {
        var person = Guid.NewGuid();
        _messaging.Failures.FailuresLeft = int.MaxValue;
        await _messaging.Redis.PublishAsync(Stream, Enrolled(person));

        await PollUntilAsync(DeadLettersAsync, letters => letters > 0);

        Assert.Equal(1, await DeadLettersAsync());
        Assert.Equal(0, await WidgetsAsync(person));
        Assert.Equal(0, await PendingAsync());
        var letter = await _messaging.QueryAsync(db => db.Set<DeadLetter>().SingleAsync());
        Assert.Equal(_messaging.Options.MaxDeliveries, letter.Deliveries);
        Assert.Contains("planned failure", letter.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreadablePayload_IsDeadLetteredAtOnce()
    {
        await _messaging.Redis.GetDatabase().StreamAddAsync(Stream,
        [
            new NameValueEntry(StreamFields.EventId, Guid.NewGuid().ToString()),
            new NameValueEntry(StreamFields.Payload, new byte[] { 0xff, 0xff, 0xff }),
        ]);

        await PollOnceAsync();

        Assert.Equal(1, await DeadLettersAsync());
        Assert.Equal(0, await PendingAsync());
    }
}
