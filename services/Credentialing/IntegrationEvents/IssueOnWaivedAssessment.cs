using Hmis.Events.V1;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.Credentialing.Domain.Accounts;
using HmisPlatform.Credentialing.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Credentialing.IntegrationEvents;

/// <summary>
/// Training complete and no assignment to take: the person reaches step 4. Help Desk access (HPCC / State Homeless
/// Prevention) is now ready for the ATA to notify the Help Desk; every other waiver makes the account at once, waiting
/// for the End User Agreement.
/// </summary>
public sealed class IssueOnWaivedAssessment(CredentialingDbContext db, AccountIssuance issuance, TimeProvider time) : IEventHandler<AssessmentWaived>
{
    public const string HelpDeskReason = "HELP_DESK";

    public async Task HandleAsync(AssessmentWaived integrationEvent, CancellationToken cancellationToken)
    {
        var personId = Guid.Parse(integrationEvent.PersonId);
        var accessRequestId = Guid.Parse(integrationEvent.AccessRequestId);
        // Not there yet means AccessRequestApproved is still on its way: failing leaves this event for a retry.
        var applicant = await db.Applicants.SingleOrDefaultAsync(a => a.PersonId == personId && a.AccessRequestId == accessRequestId, cancellationToken)
            ?? throw new InvalidOperationException("The approval of this person has not arrived yet.");
        var now = time.GetStoredNow();
        if (integrationEvent.Reason == HelpDeskReason)
        {
            applicant.ReadyForHelpDesk(now);
            return;
        }
        await issuance.IssueOrExtendAsync(applicant, AccountRoute.AssessmentWaived, Actor.Platform(ResourceNames.CredentialingApi), now, cancellationToken);
    }
}
