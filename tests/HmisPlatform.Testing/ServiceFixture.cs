using Grpc.Net.Client;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.BuildingBlocks.Persistence;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Xunit;

namespace HmisPlatform.Testing;

/// <summary>
/// One service under test, hosted in-process with its real hosted services (outbox relay, consumers), on its own
/// fresh database (created by the service's migrations) and its own Redis stream prefix, so test classes are isolated.
/// </summary>
public abstract class ServiceFixture<TProgram, TDbContext> : IAsyncLifetime
    where TProgram : class
    where TDbContext : DbContext
{
    private WebApplicationFactory<TProgram>? _factory;
    private GrpcChannel? _channel;
    private string? _database;
    private readonly List<WebApplicationFactory<TProgram>> _replicas = [];

    /// <summary>The service's connection name for its database, for example <c>requestsdb</c>.</summary>
    protected abstract string DatabaseConnectionName { get; }

    public string StreamPrefix { get; } = $"test-{Guid.NewGuid():N}:";

    public IServiceProvider Services => Factory.Services;

    public GrpcChannel Channel => _channel ?? throw new InvalidOperationException("The fixture has not started.");

    public IConnectionMultiplexer Redis => Services.GetRequiredService<IConnectionMultiplexer>();

    private WebApplicationFactory<TProgram> Factory => _factory ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        await BeforeStartAsync();
        _database = $"{DatabaseConnectionName}_{Guid.NewGuid():N}";
        _factory = await CreateFactoryAsync();
        await DatabaseMigrations.MigrateAsync<TDbContext>(_factory.Services, SeedAsync);
        _channel = ChannelWithToken(TestTokens.Issue());
    }

    /// <summary>
    /// A second instance of the service on the same database and streams, as a second replica in a deployment: its
    /// consumers compete with the first's for the same events. Stopped with the fixture.
    /// </summary>
    /// <returns>Channels to the replica, with the access token given (or the default test token).</returns>
    public async Task<Func<string?, GrpcChannel>> StartReplicaAsync()
    {
        var replica = await CreateFactoryAsync();
        _replicas.Add(replica);
        _ = replica.Services;
        return token => GrpcChannel.ForAddress(replica.Server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = new BearerTokenHandler(token ?? TestTokens.Issue(), replica.Server.CreateHandler()),
        });
    }

    private async Task<WebApplicationFactory<TProgram>> CreateFactoryAsync()
    {
        var servers = await LocalServers.GetAsync();
        var database = _database;
        return new WebApplicationFactory<TProgram>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            web.UseSetting($"ConnectionStrings:{DatabaseConnectionName}", $"{servers.Postgres};Database={database}");
            web.UseSetting("ConnectionStrings:redis", servers.Redis);
            web.UseSetting("Messaging:StreamPrefix", StreamPrefix);
            web.UseSetting("Messaging:PollInterval", "00:00:00.050");
            web.UseSetting("Messaging:RetryDelay", "00:00:00.500");
            foreach (var (key, value) in Settings)
            {
                web.UseSetting(key, value);
            }
            web.ConfigureServices(services =>
            {
                services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, TestTokens.Trust);
                ConfigureServices(services);
            });
        });
    }

    /// <summary>A channel with a signed-in trainee's token: the person themselves, of the default agency.</summary>
    public GrpcChannel TraineeChannel(string personId) => ChannelWithToken(TestTokens.Person(Guid.Parse(personId), "trainee"));

    /// <summary>A channel with the HMIS team's token: every agency's data.</summary>
    public GrpcChannel HmisTeamChannel => ChannelWithToken(TestTokens.HmisTeam());

    /// <summary>A channel whose calls carry the given access token, or none.</summary>
    public GrpcChannel ChannelWithToken(string? token) =>
        GrpcChannel.ForAddress(Factory.Server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = new BearerTokenHandler(token, Factory.Server.CreateHandler()),
        });

    /// <summary>An HTTP client for the service's HTTP/JSON routes whose requests carry the given access token, or none.</summary>
    public HttpClient HttpClientWithToken(string? token) =>
        new(new BearerTokenHandler(token, Factory.Server.CreateHandler())) { BaseAddress = Factory.Server.BaseAddress };

    /// <summary>Configuration of the host under test beyond the fixture's own (for example a connector's address).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    /// <summary>Starts what the host under test needs before it starts (for example a stand-in for a third-party API).</summary>
    protected virtual Task BeforeStartAsync() => Task.CompletedTask;

    /// <summary>Stops what <see cref="BeforeStartAsync"/> started, after the host under test stopped.</summary>
    protected virtual ValueTask AfterStopAsync() => ValueTask.CompletedTask;

    /// <summary>Data the tests of this service start from, written after the migrations.</summary>
    protected virtual Task SeedAsync(TDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Replaces services of the host under test, for example its TimeProvider.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Runs a query on the service's database in a fresh scope.</summary>
    public async Task<T> QueryAsync<T>(Func<TDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TDbContext>());
    }

    /// <summary>The stream an event type is published on, for this fixture.</summary>
    public string StreamOf(Google.Protobuf.Reflection.MessageDescriptor eventType) =>
        Services.GetRequiredService<IOptions<MessagingOptions>>().Value.StreamOf(eventType.FullName);

    /// <summary>
    /// Waits until this service's consumer has handled everything published on the event's stream so far: all of it
    /// delivered, none of it waiting for an acknowledgement (applied, or refused for good). A duplicate that would be
    /// applied twice has been applied by then, so a test can read the result instead of sleeping.
    /// </summary>
    public Task CaughtUpAsync(Google.Protobuf.Reflection.MessageDescriptor eventType) =>
        ConsumerAsync(eventType, (delivered, pending) => delivered && pending == 0);

    /// <summary>Waits until this service's consumer has taken everything on the event's stream, applied or not.</summary>
    public Task DeliveredAsync(Google.Protobuf.Reflection.MessageDescriptor eventType) =>
        ConsumerAsync(eventType, (delivered, _) => delivered);

    private async Task ConsumerAsync(Google.Protobuf.Reflection.MessageDescriptor eventType, Func<bool, long, bool> isDone)
    {
        var options = Services.GetRequiredService<IOptions<MessagingOptions>>().Value;
        var stream = StreamOf(eventType);
        var db = Redis.GetDatabase();
        await Eventually.ReturnsAsync(async () =>
        {
            if (!await db.KeyExistsAsync(stream))
            {
                return false;
            }
            var last = (await db.StreamInfoAsync(stream)).LastGeneratedId;
            var group = (await db.StreamGroupInfoAsync(stream)).SingleOrDefault(g => g.Name == options.ConsumerGroup);
            return group.Name is not null && isDone(group.LastDeliveredId == last, group.PendingMessageCount);
        }, done => done);
    }

    /// <summary>
    /// Waits until the outbox relay has published every event the service has recorded so far, so a test reading a
    /// stream sees all of them (a wrongly doubled one included) instead of sleeping.
    /// </summary>
    public Task OutboxSentAsync() =>
        Eventually.ReturnsAsync(() => QueryAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.SentAt == null)), unsent => !unsent);

    public async Task DisposeAsync()
    {
        _channel?.Dispose();
        foreach (var replica in _replicas)
        {
            await replica.DisposeAsync();
        }
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        await AfterStopAsync();
    }
}
