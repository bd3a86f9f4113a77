using Hmis.Events.V1;
using HmisPlatform.BuildingBlocks.Messaging;
using Applicant = HmisPlatform.Credentialing.Domain.Applicants.Applicant;
using HmisPlatform.Credentialing.Infrastructure;

namespace HmisPlatform.Credentialing.IntegrationEvents;

/// <summary>Keeps a copy of each approved person, so their account can be made when they reach step 4.</summary>
public sealed class KeepApplicant(CredentialingDbContext db) : IEventHandler<AccessRequestApproved>
{
    public Task HandleAsync(AccessRequestApproved integrationEvent, CancellationToken cancellationToken)
    {
        var person = integrationEvent.Applicant;
        db.Applicants.Add(new Applicant(
            Guid.Parse(person.PersonId), Guid.Parse(integrationEvent.AccessRequestId), Guid.Parse(integrationEvent.AgencyId),
            person.GivenName, person.FamilyName, person.Email, integrationEvent.Access.ProjectTypes));
        return Task.CompletedTask;
    }
}
