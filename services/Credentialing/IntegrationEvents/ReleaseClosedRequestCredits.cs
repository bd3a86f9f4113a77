using Hmis.Credentialing.V1;
using Hmis.Events.V1;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.Credentialing.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Credentialing.IntegrationEvents;

/// <summary>A request closed without accounts (denied, withdrawn, sent back for another form) gives its held credits back.</summary>
public sealed class ReleaseClosedRequestCredits(CredentialingDbContext db, TimeProvider time) : IEventHandler<AccessRequestStatusChanged>
{
    public const string ReleasedBy = "requests";

    public async Task HandleAsync(AccessRequestStatusChanged integrationEvent, CancellationToken cancellationToken)
    {
        if (!integrationEvent.Closed)
        {
            return;
        }
        var accessRequestId = Guid.Parse(integrationEvent.AccessRequestId);
        var agencyId = Guid.Parse(integrationEvent.AgencyId);
        var held = await db.CreditReservations
            .Where(r => r.AccessRequestId == accessRequestId && r.AgencyId == agencyId && r.Status == ReservationStatus.Held)
            .ToListAsync(cancellationToken);
        if (held.Count == 0)
        {
            return;
        }
        var credits = await db.LockCreditsAsync(agencyId, cancellationToken);
        var reason = integrationEvent.ToStatus.Replace("ACCESS_REQUEST_STATUS_", "", StringComparison.Ordinal).ToLowerInvariant();
        foreach (var reservation in held)
        {
            db.CreditLedger.Add(credits.Release(reservation, $"request {reason}", ReleasedBy, time.GetStoredNow()));
        }
    }
}
