using Hmis.Requests.V1;

namespace HmisPlatform.Requests.Domain.Journeys;

/// <summary>Which stage of the four steps each recorded event belongs to.</summary>
public static class JourneyStages
{
    public const string CredentialsIssued = "CredentialsIssued";

    private static readonly Dictionary<string, JourneyStage> StageOfKind = new(StringComparer.Ordinal)
    {
        ["AccessRequestSubmitted"] = JourneyStage.Request,
        ["AccessRequestApproved"] = JourneyStage.Request,
        ["TrainingEnrolled"] = JourneyStage.Training,
        ["TrainingCompleted"] = JourneyStage.Training,
        ["AssessmentScheduled"] = JourneyStage.Assessment,
        ["AssessmentPassed"] = JourneyStage.Assessment,
        ["AccountPendingAgreement"] = JourneyStage.Credentials,
        ["EndUserAgreementSigned"] = JourneyStage.Credentials,
        [CredentialsIssued] = JourneyStage.Complete,
        ["AccessRemoved"] = JourneyStage.AccessRemoved,
    };

    public static IReadOnlyCollection<string> Kinds => StageOfKind.Keys;

    public static JourneyStage Of(string kind) =>
        StageOfKind.TryGetValue(kind, out var stage) ? stage : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a journey event.");
}
