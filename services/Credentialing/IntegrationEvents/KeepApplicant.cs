using Hmis.Events.V1;
using HmisPlatform.BuildingBlocks.Contracts;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.Credentialing.Contracts;
using HmisPlatform.Credentialing.Domain.Accounts;
using HmisPlatform.Credentialing.Infrastructure;
using Applicant = HmisPlatform.Credentialing.Domain.Applicants.Applicant;

namespace HmisPlatform.Credentialing.IntegrationEvents;

/// <summary>
/// Keeps a copy of each approved person, so their account can be made when they reach step 4. A full transfer
/// reaches step 4 at once: same project types as before, no training, so the account is made now.
/// </summary>
public sealed class KeepApplicant(CredentialingDbContext db, AccountIssuance issuance, TimeProvider time) : IEventHandler<AccessRequestApproved>
{
    public const string FullTransfer = "FULL_TRANSFER";

    public async Task HandleAsync(AccessRequestApproved integrationEvent, CancellationToken cancellationToken)
    {
        var person = integrationEvent.Applicant;
        var applicant = new Applicant(
            Guid.Parse(person.PersonId), Guid.Parse(integrationEvent.AccessRequestId), Guid.Parse(integrationEvent.AgencyId),
            person.GivenName, person.FamilyName, person.Email, integrationEvent.Access.ProjectTypes.ToDomain());
        db.Applicants.Add(applicant);
        if (integrationEvent.TransferPath == FullTransfer)
        {
            await issuance.IssueOrExtendAsync(applicant, AccountRoute.FullTransfer, Actor.Platform(ResourceNames.CredentialingApi), time.GetStoredNow(), cancellationToken);
        }
    }
}
