using Google.Protobuf;
using HmisPlatform.BuildingBlocks.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace HmisPlatform.BuildingBlocks.Messaging;

/// <summary>Registration of the outbox relay, the event consumers and idempotent commands for one service database.</summary>
public static class MessagingRegistration
{
    public static MessagingBuilder<TDbContext> AddMessaging<TDbContext>(this IHostApplicationBuilder builder, string consumerGroup)
        where TDbContext : DbContext
    {
        builder.Services.AddOptions<MessagingOptions>()
            .Configure(o => o.ConsumerGroup = consumerGroup)
            .Bind(builder.Configuration.GetSection("Messaging"));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<OutboxSignal>();
        builder.Services.TryAddSingleton<StreamWakeUps>();
        builder.Services.TryAddSingleton<MessagingMetrics>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<IdempotentCommands<TDbContext>>();
        builder.Services.AddHostedService<OutboxRelay<TDbContext>>();
        return new MessagingBuilder<TDbContext>(builder.Services);
    }
}
