using HmisPlatform.Requests.Domain.Journeys;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Requests.Infrastructure;

/// <summary>People in one stage now, and how many of them are past its target.</summary>
public sealed record StageNow(JourneyStage Stage, int People, int OverTarget, TimeSpan? Target);

/// <summary>How long a stage took for the people who left it in one month.</summary>
public sealed record StageSpan(DateTime Month, int Stage, double MedianDays, double P90Days, int People);

/// <summary>Requests submitted in one week on one form.</summary>
public sealed record WeekOfRequests(DateTime WeekOf, int Type, int Requests);

/// <summary>
/// The HMIS team's overview, each figure one aggregate query in the database (nothing is loaded row by row): the
/// journeys table for the people per stage, the journey entries for how long stages took (from a request's first
/// entry in a stage to its first entry in a later one), and the requests for the weekly counts. Weeks and months
/// are UTC.
/// </summary>
public sealed class JourneyOverview(RequestsDbContext db)
{
    public async Task<IReadOnlyList<StageNow>> StagesAsync(StageTargets targets, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var people = await db.Journeys.GroupBy(j => j.CurrentStage).Select(g => new { Stage = g.Key, People = g.Count() })
            .ToDictionaryAsync(g => g.Stage, g => g.People, cancellationToken);
        var cutoffs = StageTargets.UnderWay.ToDictionary(s => s, s => targets.OverdueIfEnteredBefore(s, now)!.Value);
        var (request, training, assessment, credentials) =
            (cutoffs[JourneyStage.Request], cutoffs[JourneyStage.Training], cutoffs[JourneyStage.Assessment], cutoffs[JourneyStage.Credentials]);
        var over = await db.Journeys
            .Where(j => (j.CurrentStage == JourneyStage.Request && j.StageStartedAt < request)
                || (j.CurrentStage == JourneyStage.Training && j.StageStartedAt < training)
                || (j.CurrentStage == JourneyStage.Assessment && j.StageStartedAt < assessment)
                || (j.CurrentStage == JourneyStage.Credentials && j.StageStartedAt < credentials))
            .GroupBy(j => j.CurrentStage).Select(g => new { Stage = g.Key, People = g.Count() })
            .ToDictionaryAsync(g => g.Stage, g => g.People, cancellationToken);
        return [.. Enum.GetValues<JourneyStage>().Where(s => s != JourneyStage.Unspecified)
            .Select(s => new StageNow(s, people.GetValueOrDefault(s), over.GetValueOrDefault(s), targets.For(s)))];
    }

    public Task<List<StageSpan>> DurationsAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<StageSpan>($"""
            WITH firsts AS (
                SELECT person_id, access_request_id, stage, MIN(occurred_at) AS entered
                FROM journey_entries
                WHERE stage BETWEEN {(int)JourneyStage.Request} AND {(int)JourneyStage.Complete}
                GROUP BY person_id, access_request_id, stage
            ), spans AS (
                SELECT f.stage, f.entered,
                       (SELECT MIN(n.entered) FROM firsts n
                        WHERE n.person_id = f.person_id AND n.access_request_id = f.access_request_id AND n.stage > f.stage) AS left_at
                FROM firsts f
                WHERE f.stage < {(int)JourneyStage.Complete}
            )
            -- Column names follow the snake-case convention the ad-hoc result type is read with (P90Days is p90days).
            SELECT date_trunc('month', left_at AT TIME ZONE 'UTC') AS month, stage,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM left_at - entered) / 86400) AS median_days,
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM left_at - entered) / 86400) AS p90days,
                   COUNT(*)::int AS people
            FROM spans
            WHERE left_at IS NOT NULL AND left_at >= {since}
            GROUP BY 1, 2
            ORDER BY 1, 2
            """).ToListAsync(cancellationToken);

    public Task<List<WeekOfRequests>> WeeklyAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<WeekOfRequests>($"""
            SELECT date_trunc('week', submitted_at AT TIME ZONE 'UTC') AS week_of, type, COUNT(*)::int AS requests
            FROM access_requests
            WHERE submitted_at >= {since}
            GROUP BY 1, 2
            ORDER BY 1, 2
            """).ToListAsync(cancellationToken);
}
