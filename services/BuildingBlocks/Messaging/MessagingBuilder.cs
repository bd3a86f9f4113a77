using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HmisPlatform.BuildingBlocks.Messaging;

/// <summary>Adds the event subscriptions of one service.</summary>
public sealed class MessagingBuilder<TDbContext>(IServiceCollection services)
    where TDbContext : DbContext
{
    public MessagingBuilder<TDbContext> Subscribe<TEvent, THandler>()
        where TEvent : IMessage<TEvent>, new()
        where THandler : class, IEventHandler<TEvent>
    {
        services.AddScoped<IEventHandler<TEvent>, THandler>();
        services.AddHostedService<EventConsumer<TDbContext, TEvent>>();
        return this;
    }
}
