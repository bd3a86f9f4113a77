using Hmis.Requests.V1;

namespace HmisPlatform.Requests.Domain.Journeys;

/// <summary>A stage a person reached: when they entered it and, once they moved on, when they left it.</summary>
public sealed record StageSpan(JourneyStage Stage, DateTimeOffset StartedAt, DateTimeOffset? CompletedAt);

/// <summary>
/// A person's journey derived from its entries alone. Nothing is stored but the entries, so events that arrive late
/// or out of order still give the right stages: a stage starts at its earliest entry and ends where a later stage starts.
/// </summary>
public sealed record JourneyView(Guid PersonId, JourneyStage CurrentStage, IReadOnlyList<StageSpan> Stages, IReadOnlyList<JourneyEntry> Timeline)
{
    public static JourneyView From(Guid personId, IEnumerable<JourneyEntry> entries)
    {
        var timeline = entries.OrderBy(e => e.OccurredAt).ThenBy(e => e.Stage).ToList();
        var starts = timeline
            .GroupBy(e => e.Stage)
            .Select(g => (Stage: g.Key, StartedAt: g.Min(e => e.OccurredAt)))
            .OrderBy(s => s.Stage)
            .ToList();
        var spans = starts
            .Select((s, i) => new StageSpan(s.Stage, s.StartedAt, i + 1 < starts.Count ? starts[i + 1].StartedAt : null))
            .ToList();
        var current = starts.Count == 0 ? JourneyStage.Unspecified : starts[^1].Stage;
        return new JourneyView(personId, current, spans, timeline);
    }
}
