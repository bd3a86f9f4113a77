using Hmis.Events.V1;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.Notifications.Domain;
using HmisPlatform.Notifications.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Notifications.IntegrationEvents;

/// <summary>Keeps who to tell: a request's ATA from its submission.</summary>
public sealed class KeepRequestContact(NotificationsDbContext db) : IEventHandler<AccessRequestSubmitted>
{
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
