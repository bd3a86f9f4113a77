using HmisPlatform.Requests.Domain.AccessRequests;
using HmisPlatform.Requests.Domain.Journeys;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Requests.Infrastructure;

/// <summary>
/// Records a journey entry and rewrites the person's journey row from all their entries, in the caller's
/// transaction. The person's row is locked first, so two events for one person applied at once (they come on
/// different streams) see each other's entries and the row ends up right whatever the order.
/// </summary>
public sealed class JourneyLog(RequestsDbContext db, JourneyMetrics metrics)
{
    public async Task RecordAsync(JourneyEntry entry, CancellationToken cancellationToken)
    {
        var request = await FactsOfAsync(entry.AccessRequestId, cancellationToken);
        // One round trip makes the row if it is the person's first and locks it either way: an upsert that touches an
        // existing row locks it as FOR UPDATE would.
        var summary = (await db.Journeys.FromSql($"""
            INSERT INTO journeys (person_id, access_request_id, agency_id, request_type, current_stage, stage_started_at, waiting_on)
            VALUES ({entry.PersonId}, {entry.AccessRequestId}, {request.AgencyId}, {(int)request.Type}, 0, {entry.OccurredAt}, 0)
            ON CONFLICT (person_id) DO UPDATE SET access_request_id = journeys.access_request_id
            RETURNING *
            """).ToListAsync(cancellationToken)).Single();

        db.JourneyEntries.Add(entry);
        // Saved entries, and those of this transaction not saved yet (the new one among them).
        var stored = await db.JourneyEntries.AsNoTracking().Where(e => e.PersonId == entry.PersonId).ToListAsync(cancellationToken);
        var view = JourneyView.From(entry.PersonId, stored.Concat(db.JourneyEntries.Local.Where(e => e.PersonId == entry.PersonId)).DistinctBy(e => e.SourceEventId))!;
        var latest = view.AccessRequestId == entry.AccessRequestId ? request : await FactsOfAsync(view.AccessRequestId, cancellationToken);
        if (summary.Update(view, latest.AgencyId, latest.Type) is { } left && left.Left != JourneyStage.Unspecified)
        {
            metrics.StageLeft(left.Left, summary.RequestType, entry.OccurredAt - left.Since);
        }
    }

    /// <summary>The people of a request with live credentials, also by an entry of this transaction not saved yet.</summary>
    public async Task<IReadOnlySet<Guid>> PeopleWithCredentialsAsync(Guid accessRequestId, CancellationToken cancellationToken)
    {
        var stored = await db.JourneyEntries.AsNoTracking()
            .Where(e => e.AccessRequestId == accessRequestId && (e.Kind == JourneyStages.CredentialsIssued || e.Kind == JourneyStages.AccessExtended))
            .Select(e => e.PersonId)
            .ToListAsync(cancellationToken);
        return stored.Concat(db.JourneyEntries.Local.Where(e => e.AccessRequestId == accessRequestId && JourneyStages.Finishing.Contains(e.Kind)).Select(e => e.PersonId))
            .ToHashSet();
    }

    /// <summary>The agency and form of a request, also one added in this transaction and not saved yet.</summary>
    private async Task<(Guid AgencyId, RequestType Type)> FactsOfAsync(Guid accessRequestId, CancellationToken cancellationToken)
    {
        if (db.AccessRequests.Local.FirstOrDefault(r => r.Id == accessRequestId) is { } local)
        {
            return (local.AgencyId, local.Type);
        }
        var stored = await db.AccessRequests.AsNoTracking().Where(r => r.Id == accessRequestId).Select(r => new { r.AgencyId, r.Type }).SingleAsync(cancellationToken);
        return (stored.AgencyId, stored.Type);
    }
}
