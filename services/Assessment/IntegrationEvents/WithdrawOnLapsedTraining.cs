using Hmis.Events.V1;
using HmisPlatform.Assessment.Infrastructure;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Assessment.IntegrationEvents;

/// <summary>
/// The assignment's prerequisites hold only while the training is recent (project course 3 months, Introduction and
/// Data Management 6): when Training reports a lapse, a waiting or seated trainee gives up their place, and the seat
/// goes to the next in line.
/// </summary>
public sealed class WithdrawOnLapsedTraining(AssessmentDbContext db, Seating seating, TimeProvider time) : IEventHandler<TrainingExpired>
{
    public async Task HandleAsync(TrainingExpired integrationEvent, CancellationToken cancellationToken)
    {
        var personId = Guid.Parse(integrationEvent.PersonId);
        var accessRequestId = Guid.Parse(integrationEvent.AccessRequestId);
        var assignment = await db.Assignments.SingleOrDefaultAsync(a => a.PersonId == personId && a.AccessRequestId == accessRequestId, cancellationToken);
        var now = time.GetStoredNow();
        if (assignment is not null && assignment.TrainingExpired(integrationEvent.WholePath, now))
        {
            await seating.FillFreeSeatsAsync(now, cancellationToken);
        }
    }
}
