using Hmis.Events.V1;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.Notifications.Domain;
using HmisPlatform.Notifications.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Notifications.IntegrationEvents;

/// <summary>Keeps who to tell: a request's ATA from its submission, and the ATAs and Supervisors who validated its people.</summary>
public sealed class KeepRequestContact(NotificationsDbContext db) : IEventHandler<AccessRequestSubmitted>, IEventHandler<NewHireValidated>
{
    public Task HandleAsync(NewHireValidated integrationEvent, CancellationToken cancellationToken) =>
        KeepValidatorsAsync(db, Guid.Parse(integrationEvent.AccessRequestId), [integrationEvent.Validator], cancellationToken);

    /// <summary>
    /// Keeps the request's validators not known yet. The approval carries them too: events of different types are read
    /// from different streams, so a validation just before the approval may arrive after it.
    /// </summary>
    public static async Task KeepValidatorsAsync(NotificationsDbContext db, Guid requestId, IReadOnlyCollection<Contact> validators, CancellationToken cancellationToken)
    {
        if (validators.Count == 0)
        {
            return;
        }
        var known = await db.Validators.Where(v => v.AccessRequestId == requestId).Select(v => v.AdministratorId).ToListAsync(cancellationToken);
        foreach (var validator in validators.DistinctBy(v => v.Id))
        {
            var id = Guid.Parse(validator.Id);
            if (!known.Contains(id))
            {
                db.Validators.Add(new RequestValidator(requestId, id, validator.FullName, validator.Email));
            }
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
