using HmisPlatform.Assessment.Domain.Assignments;
using HmisPlatform.Assessment.IntegrationEvents;
using HmisPlatform.BuildingBlocks.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HmisPlatform.Assessment.Infrastructure;

/// <summary>A waiting trainee's place in line and how long until a seat, estimated from how long seats were held lately.</summary>
public sealed record WaitlistPlace(int Position, TimeSpan ExpectedWait);

/// <summary>
/// Gives free seats to the trainees waiting longest, in the caller's transaction. One transaction at a time decides
/// (a transaction-scoped advisory lock), so with several replicas a freed seat goes to exactly one trainee, once.
/// </summary>
public sealed class Seating(AssessmentDbContext db, IOptions<AssessmentPolicy> policy)
{
    /// <summary>The advisory lock's key: "HMISSEAT".</summary>
    private const long SeatingLock = 0x484D_4953_5345_4154;

    /// <summary>
    /// Takes seating's lock for the rest of the transaction (again, if it holds it already). A transaction that will
    /// lock assignment rows of its own and then fill seats takes it first: seating's lock before any row, in every
    /// transaction, or two of them (a sweep holding its expired seats, a consumer holding the lock) wait on each other.
    /// </summary>
    public Task LockAsync(CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({SeatingLock})", cancellationToken);

    public async Task<IReadOnlyList<SampleClientAssignment>> FillFreeSeatsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await LockAsync(cancellationToken);
        // This transaction's own changes (a seat freed, a trainee joined) count too.
        await db.SaveChangesAsync(cancellationToken);
        var seated = await db.Assignments.CountAsync(a => a.Status == AssignmentStatus.Seated, cancellationToken);
        var free = policy.Value.Seats - seated;
        if (free <= 0)
        {
            return [];
        }
        var next = await db.Assignments.FromSql($"""
            SELECT * FROM assignments WHERE status = {(int)AssignmentStatus.Waiting} ORDER BY joined_at, id LIMIT {free} FOR UPDATE
            """).ToListAsync(cancellationToken);
        foreach (var assignment in next)
        {
            assignment.Seat(policy.Value, now);
            db.Publish(assignment.Scheduling(now));
        }
        return next;
    }

    /// <summary>Where a waiting trainee stands; null for one who is not waiting.</summary>
    public async Task<WaitlistPlace?> PlaceOfAsync(SampleClientAssignment assignment, CancellationToken cancellationToken)
    {
        if (assignment.Status != AssignmentStatus.Waiting)
        {
            return null;
        }
        var ahead = await db.Assignments.CountAsync(a => a.Status == AssignmentStatus.Waiting
            && EF.Functions.LessThan(ValueTuple.Create(a.JoinedAt, a.Id), ValueTuple.Create(assignment.JoinedAt, assignment.Id)), cancellationToken);
        var recent = await db.Assignments.AsNoTracking()
            .Where(a => a.FreedAt != null && a.SeatedAt != null)
            .OrderByDescending(a => a.FreedAt).Take(50)
            .Select(a => new { a.SeatedAt, a.FreedAt })
            .ToListAsync(cancellationToken);
        var held = recent.Count == 0 ? policy.Value.HoldFor / 2 : TimeSpan.FromTicks((long)recent.Average(a => (a.FreedAt!.Value - a.SeatedAt!.Value).Ticks));
        // A seat frees about every held/seats; the trainee waits for that many as are ahead of them, plus their own.
        return new WaitlistPlace(ahead + 1, held * (ahead + 1) / policy.Value.Seats);
    }
}
