namespace HmisPlatform.Requests.Domain.Journeys;

/// <summary>
/// How long one person's journey of one request spent in each stage, as the HMIS Lead reports it: a stage runs from
/// the first thing recorded in it until the first thing recorded in the next stage reached, and the stage the journey
/// is in runs until now. A finished journey (credentials issued, or access extended) ends when it finished.
/// </summary>
public sealed record StageTimes(JourneyStage Current, IReadOnlyDictionary<JourneyStage, TimeSpan> Durations, DateTimeOffset? CompletedAt)
{
    public static StageTimes Of(IEnumerable<(JourneyStage Stage, DateTimeOffset At)> entries, DateTimeOffset now)
    {
        var starts = entries.Where(e => e.Stage != JourneyStage.Unspecified)
            .GroupBy(e => e.Stage)
            .Select(g => (Stage: g.Key, At: g.Min(e => e.At)))
            .OrderBy(s => s.At).ThenBy(s => s.Stage)
            .ToList();
        var durations = new Dictionary<JourneyStage, TimeSpan>();
        for (var i = 0; i < starts.Count; i++)
        {
            var (stage, at) = starts[i];
            if (stage is JourneyStage.Complete or JourneyStage.AccessRemoved)
            {
                continue;
            }
            var end = i + 1 < starts.Count ? starts[i + 1].At : now;
            durations[stage] = end > at ? end - at : TimeSpan.Zero;
        }
        var completed = starts.Where(s => s.Stage == JourneyStage.Complete).Select(s => (DateTimeOffset?)s.At).FirstOrDefault();
        return new StageTimes(starts.Count == 0 ? JourneyStage.Unspecified : starts[^1].Stage, durations, completed);
    }
}
