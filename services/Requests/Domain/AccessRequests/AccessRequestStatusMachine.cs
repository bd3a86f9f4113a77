using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Requests.Domain.Agencies;
using HmisPlatform.Requests.Domain.Journeys;

namespace HmisPlatform.Requests.Domain.AccessRequests;

/// <summary>The only moves a request may make; anything not listed here is refused.</summary>
public static class AccessRequestStatusMachine
{
    public const string TransitionNotAllowedReason = "STATUS_TRANSITION_NOT_ALLOWED";

    private static readonly HashSet<(AccessRequestStatus From, AccessRequestStatus To)> Allowed =
    [
        (AccessRequestStatus.Submitted, AccessRequestStatus.InProgress),
        (AccessRequestStatus.Submitted, AccessRequestStatus.Denied),
        (AccessRequestStatus.Submitted, AccessRequestStatus.InformationRequested),
        (AccessRequestStatus.Submitted, AccessRequestStatus.ResubmissionRequested),
        (AccessRequestStatus.Submitted, AccessRequestStatus.AwaitingCeDecision),
        (AccessRequestStatus.Submitted, AccessRequestStatus.Withdrawn),
        (AccessRequestStatus.InformationRequested, AccessRequestStatus.Submitted),
        (AccessRequestStatus.InformationRequested, AccessRequestStatus.Withdrawn),
        (AccessRequestStatus.AwaitingCeDecision, AccessRequestStatus.Submitted),
        (AccessRequestStatus.AwaitingCeDecision, AccessRequestStatus.Denied),
        (AccessRequestStatus.AwaitingCeDecision, AccessRequestStatus.Withdrawn),
        (AccessRequestStatus.InProgress, AccessRequestStatus.Completed),
        (AccessRequestStatus.InProgress, AccessRequestStatus.Expired),
    ];

    /// <summary>Statuses in which a request still holds its people: no second request for them at the agency.</summary>
    public static IReadOnlySet<AccessRequestStatus> Open { get; } = new HashSet<AccessRequestStatus>
    {
        AccessRequestStatus.Submitted, AccessRequestStatus.InformationRequested, AccessRequestStatus.AwaitingCeDecision, AccessRequestStatus.InProgress,
    };

    /// <summary>Statuses that end a request without accounts: its reserved credits go back.</summary>
    public static IReadOnlySet<AccessRequestStatus> ClosedWithoutAccounts { get; } = new HashSet<AccessRequestStatus>
    {
        AccessRequestStatus.Denied, AccessRequestStatus.Withdrawn, AccessRequestStatus.ResubmissionRequested, AccessRequestStatus.Expired,
    };

    public static bool CanMove(AccessRequestStatus from, AccessRequestStatus to) => Allowed.Contains((from, to));

    public static void EnsureCanMove(AccessRequestStatus from, AccessRequestStatus to)
    {
        if (!CanMove(from, to))
        {
            throw DomainException.Precondition(TransitionNotAllowedReason,
                $"A request that is {from} cannot become {to}.",
                new PreconditionViolation("STATUS", "access_request", $"{from} -> {to} is not a listed transition"));
        }
    }

    /// <summary>Whom a request in this status waits on.</summary>
    public static WaitingOn WaitingOn(AccessRequestStatus status) => status switch
    {
        AccessRequestStatus.Submitted => AccessRequests.WaitingOn.HmisTeam,
        AccessRequestStatus.InformationRequested => AccessRequests.WaitingOn.Ata,
        AccessRequestStatus.AwaitingCeDecision => AccessRequests.WaitingOn.CeTeam,
        _ => AccessRequests.WaitingOn.Unspecified,
    };
}
