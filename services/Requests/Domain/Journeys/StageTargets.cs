using HmisPlatform.Requests.Domain.AccessRequests;
using HmisPlatform.Requests.Domain.Agencies;

namespace HmisPlatform.Requests.Domain.Journeys;

/// <summary>
/// How long each stage should take (configuration section <c>Journeys:Targets</c>): the HMIS team reviews a request
/// within 5 days; a learning path is to be finished within 30 days (Training's reminder); the Sample Client
/// Assignment ends after 10 days; the agreement should be signed and confirmed within 7. The overview counts the
/// people past them.
/// </summary>
public sealed class StageTargets
{
    public TimeSpan Request { get; set; } = TimeSpan.FromDays(5);

    public TimeSpan Training { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan Assessment { get; set; } = TimeSpan.FromDays(10);

    public TimeSpan Credentials { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The stages under way, in order: the ones with a target.</summary>
    public static IReadOnlyList<JourneyStage> UnderWay { get; } =
        [JourneyStage.Request, JourneyStage.Training, JourneyStage.Assessment, JourneyStage.Credentials];

    public TimeSpan? For(JourneyStage stage) => stage switch
    {
        JourneyStage.Request => Request,
        JourneyStage.Training => Training,
        JourneyStage.Assessment => Assessment,
        JourneyStage.Credentials => Credentials,
        _ => null,
    };

    /// <summary>Who entered the stage before this moment is past its target now.</summary>
    public DateTimeOffset? OverdueIfEnteredBefore(JourneyStage stage, DateTimeOffset now) => For(stage) is { } target ? now - target : null;
}
