using HmisPlatform.Requests.Domain.AccessRequests;
using HmisPlatform.Requests.Domain.Agencies;

namespace HmisPlatform.Requests.Domain.Journeys;

/// <summary>A stage a person reached: when they entered it and, once they moved on, when they left it.</summary>
public sealed record StageSpan(JourneyStage Stage, DateTimeOffset StartedAt, DateTimeOffset? CompletedAt);

/// <summary>
/// A person's journey on their latest request, derived from its entries alone. Nothing is stored but the entries,
/// so events that arrive late, twice or out of order still give the right stages: a stage starts at its earliest
/// entry and ends where a later stage starts; the last entry in time says whom it waits on.
/// </summary>
public sealed record JourneyView(
    Guid PersonId, Guid AccessRequestId, JourneyStage CurrentStage, WaitingOn WaitingOn, IReadOnlyList<StageSpan> Stages, IReadOnlyList<JourneyEntry> Timeline)
{
    public DateTimeOffset? CurrentStageStartedAt => Stages.Count == 0 ? null : Stages[^1].StartedAt;

    public static JourneyView? From(Guid personId, IEnumerable<JourneyEntry> entries)
    {
        var all = entries.ToList();
        // The latest request the person was submitted on; late events of an earlier one do not take it over.
        var latest = all.Where(e => e.Kind == JourneyStages.AccessRequestSubmitted).MaxBy(e => e.OccurredAt)?.AccessRequestId
            ?? all.MaxBy(e => e.OccurredAt)?.AccessRequestId;
        if (latest is not { } requestId)
        {
            return null;
        }
        var timeline = all.Where(e => e.AccessRequestId == requestId).OrderBy(e => e.OccurredAt).ThenBy(e => e.Stage).ThenBy(e => JourneyStages.Rank(e.Kind)).ToList();
        var starts = timeline
            .GroupBy(e => e.Stage)
            .Select(g => (Stage: g.Key, StartedAt: g.Min(e => e.OccurredAt)))
            .OrderBy(s => s.Stage)
            .ToList();
        var spans = starts
            .Select((s, i) => new StageSpan(s.Stage, s.StartedAt, i + 1 < starts.Count ? starts[i + 1].StartedAt : null))
            .ToList();
        var current = starts[^1].Stage;
        var last = timeline.Where(e => e.Stage == current).MaxBy(e => e.OccurredAt)!;
        return new JourneyView(personId, requestId, current, JourneyStages.WaitingOnAfter(last.Kind), spans, timeline);
    }
}
