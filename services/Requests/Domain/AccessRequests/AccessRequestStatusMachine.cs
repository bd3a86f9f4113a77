using Hmis.Requests.V1;
using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Requests.Domain.AccessRequests;

/// <summary>The only moves a request may make; anything not listed here is refused.</summary>
public static class AccessRequestStatusMachine
{
    public const string TransitionNotAllowedReason = "STATUS_TRANSITION_NOT_ALLOWED";

    private static readonly HashSet<(AccessRequestStatus From, AccessRequestStatus To)> Allowed =
    [
        (AccessRequestStatus.Submitted, AccessRequestStatus.InProgress),
        (AccessRequestStatus.Submitted, AccessRequestStatus.Denied),
        (AccessRequestStatus.InProgress, AccessRequestStatus.Completed),
    ];

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
}
