using Hmis.Events.V1;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.Credentialing.Domain.Accounts;
using HmisPlatform.Credentialing.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Credentialing.IntegrationEvents;

/// <summary>A passed assignment takes the person to step 4: their account waits for the End User Agreement.</summary>
public sealed class IssuePendingAccount(CredentialingDbContext db, AccountIssuance issuance, TimeProvider time) : IEventHandler<AssessmentPassed>
{
    public async Task HandleAsync(AssessmentPassed integrationEvent, CancellationToken cancellationToken)
    {
        var personId = Guid.Parse(integrationEvent.PersonId);
        var accessRequestId = Guid.Parse(integrationEvent.AccessRequestId);
        // Not there yet means AccessRequestApproved is still on its way: failing leaves this event for a retry.
        var applicant = await db.Applicants.SingleOrDefaultAsync(a => a.PersonId == personId && a.AccessRequestId == accessRequestId, cancellationToken)
            ?? throw new InvalidOperationException("The approval of this person has not arrived yet.");
        await issuance.IssueOrExtendAsync(applicant, AccountRoute.AssessmentPassed, Actor.Platform(ResourceNames.CredentialingApi), time.GetStoredNow(), cancellationToken);
    }
}
