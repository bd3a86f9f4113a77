using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.BuildingBlocks.Tests.Fakes;
using HmisPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace HmisPlatform.BuildingBlocks.Tests.Messaging;

/// <summary>The messaging pieces wired as a service wires them, on a fresh database and stream prefix.</summary>
public sealed class MessagingFixture : IAsyncLifetime
{
    private ServiceProvider? _services;

    public IServiceProvider Services => _services ?? throw new InvalidOperationException("Not started.");

    public FailurePlan Failures { get; } = new();

    public MessagingOptions Options => Services.GetRequiredService<IOptions<MessagingOptions>>().Value;

    public IConnectionMultiplexer Redis => Services.GetRequiredService<IConnectionMultiplexer>();

    public async Task InitializeAsync()
    {
        var servers = await LocalServers.GetAsync();
        var connectionString = $"{servers.Postgres};Database=messaging_{Guid.NewGuid():N}";
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMetrics();
        services.AddDbContext<MessagingTestDbContext>(o => o
            .UseNpgsql(connectionString)
            .UseSnakeCaseNamingConvention());
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(servers.Redis));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<StreamWakeUps>();
        services.AddSingleton<MessagingMetrics>();
        services.AddSingleton(Failures);
        services.AddScoped<IEventHandler<Hmis.Events.V1.TrainingEnrolled>, WidgetOnEnrolment>();
        services.AddOptions<MessagingOptions>().Configure(o =>
        {
            o.ConsumerGroup = "building-blocks-tests";
            o.StreamPrefix = $"bb-{Guid.NewGuid():N}:";
            o.RetryDelay = TimeSpan.FromMilliseconds(200);
            o.MaxDeliveries = 3;
        });
        _services = services.BuildServiceProvider();
        await DatabaseMigrations.MigrateAsync<MessagingTestDbContext>(_services);
    }

    public T Create<T>(params object[] overrides) => ActivatorUtilities.CreateInstance<T>(Services, overrides);

    public async Task<T> QueryAsync<T>(Func<MessagingTestDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<MessagingTestDbContext>());
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }
}
