using HmisPlatform.Requests.Domain.AccessRequests;
using HmisPlatform.Requests.Domain.Agencies;

namespace HmisPlatform.Requests.Domain.Journeys;

/// <summary>Which stage of the four steps each recorded event belongs to, and whom the journey waits on after it.</summary>
public static class JourneyStages
{
    public const string AccessRequestSubmitted = "AccessRequestSubmitted";
    public const string CredentialsIssued = "CredentialsIssued";

    /// <summary>A live account at the agency gained the request's projects: for the request, the person is done.</summary>
    public const string AccessExtended = "AccessExtended";

    /// <summary>The kinds that finish a person's part of a request.</summary>
    public static IReadOnlySet<string> Finishing { get; } = new HashSet<string>(StringComparer.Ordinal) { CredentialsIssued, AccessExtended };

    /// <summary>Introduction or Data Management lapsed: the path is over and the ATA must request again.</summary>
    public const string TrainingPathExpired = "TrainingPathExpired";

    /// <summary>Every journey kind in the order of the process, with its stage and whom the journey waits on after it.</summary>
    private static readonly (string Kind, JourneyStage Stage, WaitingOn WaitingOn)[] InOrder =
    [
        (AccessRequestSubmitted, JourneyStage.Request, WaitingOn.HmisTeam),
        ("InformationRequested", JourneyStage.Request, WaitingOn.Ata),
        ("InformationProvided", JourneyStage.Request, WaitingOn.HmisTeam),
        ("RoutedToCeTeam", JourneyStage.Request, WaitingOn.CeTeam),
        ("CeApproved", JourneyStage.Request, WaitingOn.HmisTeam),
        ("CreditUseConfirmed", JourneyStage.Request, WaitingOn.HmisTeam),
        ("AccessRequestDenied", JourneyStage.Request, WaitingOn.Unspecified),
        ("AccessRequestWithdrawn", JourneyStage.Request, WaitingOn.Unspecified),
        ("ResubmissionRequested", JourneyStage.Request, WaitingOn.Ata),
        ("AccessRequestApproved", JourneyStage.Request, WaitingOn.HmisTeam),
        ("TrainingEnrolled", JourneyStage.Training, WaitingOn.User),
        ("TrainingCompleted", JourneyStage.Training, WaitingOn.User),
        ("TrainingExpired", JourneyStage.Training, WaitingOn.User),
        (TrainingPathExpired, JourneyStage.Training, WaitingOn.Ata),
        ("TrainingReminderDue", JourneyStage.Training, WaitingOn.User),
        ("AssessmentWaitlisted", JourneyStage.Assessment, WaitingOn.HmisTeam),
        ("AssessmentScheduled", JourneyStage.Assessment, WaitingOn.User),
        ("AssessmentWalkthroughScheduled", JourneyStage.Assessment, WaitingOn.User),
        ("AssessmentRetrainingRequired", JourneyStage.Assessment, WaitingOn.User),
        ("AssessmentExpired", JourneyStage.Assessment, WaitingOn.Ata),
        // Help Desk access then waits for the ATA to notify the Help Desk; other waivers go on to the agreement at once.
        ("AssessmentWaived", JourneyStage.Assessment, WaitingOn.Ata),
        ("HelpDeskNotified", JourneyStage.Assessment, WaitingOn.HmisTeam),
        ("AssessmentPassed", JourneyStage.Assessment, WaitingOn.HmisTeam),
        ("AccountPendingAgreement", JourneyStage.Credentials, WaitingOn.User),
        ("EndUserAgreementSigned", JourneyStage.Credentials, WaitingOn.Ata),
        (CredentialsIssued, JourneyStage.Complete, WaitingOn.Unspecified),
        (AccessExtended, JourneyStage.Complete, WaitingOn.Unspecified),
        ("AccessRemoved", JourneyStage.AccessRemoved, WaitingOn.Unspecified),
    ];

    private static readonly Dictionary<string, (JourneyStage Stage, WaitingOn WaitingOn)> Kinds =
        InOrder.ToDictionary(k => k.Kind, k => (k.Stage, k.WaitingOn), StringComparer.Ordinal);

    /// <summary>What each audited request action shows as on the journey.</summary>
    private static readonly Dictionary<string, string> KindOfAction = new(StringComparer.Ordinal)
    {
        ["REQUEST_INFORMATION"] = "InformationRequested",
        ["INFORMATION_PROVIDED"] = "InformationProvided",
        ["ROUTE_TO_CE_TEAM"] = "RoutedToCeTeam",
        ["CE_APPROVE"] = "CeApproved",
        ["CE_DENY"] = "AccessRequestDenied",
        ["CONFIRM_CREDIT_USE"] = "CreditUseConfirmed",
        ["DENY"] = "AccessRequestDenied",
        ["WITHDRAW"] = "AccessRequestWithdrawn",
        ["REQUEST_RESUBMISSION"] = "ResubmissionRequested",
    };

    public static IReadOnlyCollection<string> All => Kinds.Keys;

    /// <summary>Where a kind falls in the process, to order events stamped at the same instant (in line, then seated).</summary>
    public static int Rank(string kind)
    {
        var rank = Array.FindIndex(InOrder, k => k.Kind == kind);
        return rank < 0 ? InOrder.Length : rank;
    }

    public static JourneyStage Of(string kind) =>
        Kinds.TryGetValue(kind, out var stage) ? stage.Stage : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a journey event.");

    public static WaitingOn WaitingOnAfter(string kind) => Kinds.TryGetValue(kind, out var stage) ? stage.WaitingOn : WaitingOn.Unspecified;

    /// <summary>The journey entry kind of a request action, or null for actions the journey does not show on their own.</summary>
    public static string? KindOf(string action) => KindOfAction.GetValueOrDefault(action);
}
