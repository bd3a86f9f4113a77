using Hmis.Events.V1;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.Credentialing.Domain.Credits;
using HmisPlatform.Credentialing.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Credentialing.IntegrationEvents;

/// <summary>
/// A request closed without accounts (denied, withdrawn, sent back for another form, expired) gives its held credits
/// back; so does one person who left a request that goes on (their training or assignment lapsed).
/// </summary>
public sealed class ReleaseClosedRequestCredits(CredentialingDbContext db, TimeProvider time) : IEventHandler<AccessRequestStatusChanged>
{
    public const string ReleasedBy = "requests";
    public const string PersonLapsed = "PERSON_LAPSED";

    public async Task HandleAsync(AccessRequestStatusChanged integrationEvent, CancellationToken cancellationToken)
    {
        var lapsed = integrationEvent.Action == PersonLapsed;
        if (!integrationEvent.Closed && !lapsed)
        {
            return;
        }
        var accessRequestId = Guid.Parse(integrationEvent.AccessRequestId);
        var agencyId = Guid.Parse(integrationEvent.AgencyId);
        var people = integrationEvent.PersonIds.Select(Guid.Parse).ToList();
        var held = await db.CreditReservations
            .Where(r => r.AccessRequestId == accessRequestId && r.AgencyId == agencyId && r.Status == ReservationStatus.Held)
            .Where(r => !lapsed || people.Contains(r.PersonId))
            .ToListAsync(cancellationToken);
        if (held.Count == 0)
        {
            return;
        }
        var credits = await db.LockCreditsAsync(agencyId, cancellationToken);
        var reason = lapsed ? "person lapsed" : integrationEvent.ToStatus.Replace("ACCESS_REQUEST_STATUS_", "", StringComparison.Ordinal).ToLowerInvariant();
        foreach (var reservation in held)
        {
            db.CreditLedger.Add(credits.Release(reservation, $"request {reason}", ReleasedBy, time.GetStoredNow()));
        }
    }
}
