using Hmis.Events.V1;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.Training.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Training.IntegrationEvents;

/// <summary>The person's account waits for the agreement: their path has done its work and recency stops applying.</summary>
public sealed class ClosePathAtStepFour(TrainingDbContext db, TimeProvider time) : IEventHandler<AccountPendingAgreement>
{
    public async Task HandleAsync(AccountPendingAgreement integrationEvent, CancellationToken cancellationToken)
    {
        var personId = Guid.Parse(integrationEvent.PersonId);
        var accessRequestId = Guid.Parse(integrationEvent.AccessRequestId);
        var path = await db.LearningPaths.SingleOrDefaultAsync(p => p.PersonId == personId && p.AccessRequestId == accessRequestId, cancellationToken);
        path?.Close(time.GetStoredNow());
    }
}
