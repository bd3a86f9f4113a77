using Hmis.Events.V1;
using HmisPlatform.BuildingBlocks.Messaging;

namespace HmisPlatform.BuildingBlocks.Tests.Fakes;

/// <summary>Applies TrainingEnrolled by adding a widget; fails while <see cref="FailurePlan.FailuresLeft"/> is above zero.</summary>
public sealed class WidgetOnEnrolment(MessagingTestDbContext db, FailurePlan plan) : IEventHandler<TrainingEnrolled>
{
    public Task HandleAsync(TrainingEnrolled integrationEvent, CancellationToken cancellationToken)
    {
        if (Interlocked.Decrement(ref plan.FailuresLeft) >= 0)
        {
            throw plan.Transient
                ? new Npgsql.PostgresException("the database system is starting up", "FATAL", "FATAL", Npgsql.PostgresErrorCodes.CannotConnectNow)
                : new InvalidOperationException("planned failure");
        }
        db.Widgets.Add(new Widget(Guid.Parse(integrationEvent.PersonId), "from event"));
        return Task.CompletedTask;
    }
}
