using Google.Protobuf;

namespace HmisPlatform.BuildingBlocks.Messaging;

/// <summary>
/// Applies one integration event to this service's state. It runs inside the consumer's transaction, with the
/// scoped DbContext: it changes entities (and may publish events) and the consumer saves and commits them together
/// with the inbox row. Throwing leaves the event pending for a retry.
/// </summary>
public interface IEventHandler<in TEvent>
    where TEvent : IMessage<TEvent>
{
    Task HandleAsync(TEvent integrationEvent, CancellationToken cancellationToken);
}
