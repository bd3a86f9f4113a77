using Hmis.Events.V1;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.Credentialing.Domain.Accounts;
using HmisPlatform.Credentialing.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Credentialing.IntegrationEvents;

/// <summary>Read Only users reach step 4 when their alternate Introduction is complete: no assignment.</summary>
public sealed class IssueReadOnlyAccount(CredentialingDbContext db, AccountIssuance issuance, TimeProvider time) : IEventHandler<TrainingCompleted>
{
    public async Task HandleAsync(TrainingCompleted integrationEvent, CancellationToken cancellationToken)
    {
        if (!integrationEvent.ReadOnly)
        {
            return;
        }
        var personId = Guid.Parse(integrationEvent.PersonId);
        var accessRequestId = Guid.Parse(integrationEvent.AccessRequestId);
        // Not there yet means AccessRequestApproved is still on its way: failing leaves this event for a retry.
        var applicant = await db.Applicants.SingleOrDefaultAsync(a => a.PersonId == personId && a.AccessRequestId == accessRequestId, cancellationToken)
            ?? throw new InvalidOperationException("The approval of this person has not arrived yet.");
        await issuance.IssueOrExtendAsync(applicant, AccountRoute.ReadOnlyTraining, Actor.Platform(ResourceNames.CredentialingApi), time.GetStoredNow(), cancellationToken);
    }
}
