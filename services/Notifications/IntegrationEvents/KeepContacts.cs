using Hmis.Events.V1;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.Notifications.Domain;
using HmisPlatform.Notifications.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Notifications.IntegrationEvents;

/// <summary>Keeps who to tell: a request's ATA from its submission, and the ATAs and Supervisors who validated its people.</summary>
public sealed class KeepRequestContact(NotificationsDbContext db) : IEventHandler<AccessRequestSubmitted>, IEventHandler<NewHireValidated>
{
    public async Task HandleAsync(NewHireValidated integrationEvent, CancellationToken cancellationToken)
    {
        var requestId = Guid.Parse(integrationEvent.AccessRequestId);
        var validatorId = Guid.Parse(integrationEvent.Validator.Id);
        if (!await db.Validators.AnyAsync(v => v.AccessRequestId == requestId && v.AdministratorId == validatorId, cancellationToken))
        {
            db.Validators.Add(new RequestValidator(requestId, validatorId, integrationEvent.Validator.FullName, integrationEvent.Validator.Email));
        }
    }

    public async Task HandleAsync(AccessRequestSubmitted integrationEvent, CancellationToken cancellationToken)
    {
        var id = Guid.Parse(integrationEvent.AccessRequestId);
        if (integrationEvent.Ata is not { } ata || await db.Requests.AnyAsync(r => r.AccessRequestId == id, cancellationToken))
        {
            return;
        }
        db.Requests.Add(new RequestContact(id, Guid.Parse(integrationEvent.AgencyId), Guid.Parse(ata.Id), ata.FullName, ata.Email));
    }
}
