using HmisPlatform.Requests.Domain.Agencies;
using HmisPlatform.Requests.Domain.Journeys;

namespace HmisPlatform.Requests.Domain.AccessRequests;

/// <summary>
/// One change of a request's state, for the append-only audit table: who, when, from, to, what and why. The
/// database role of the service may insert these rows and nothing else.
/// </summary>
public sealed class AccessRequestChange
{
    public long Id { get; private set; }

    public Guid AccessRequestId { get; private set; }

    public string Actor { get; private set; } = "";

    public string ActorRole { get; private set; } = "";

    public DateTimeOffset OccurredAt { get; private set; }

    public AccessRequestStatus FromStatus { get; private set; }

    public AccessRequestStatus ToStatus { get; private set; }

    public string Action { get; private set; } = "";

    public string? Reason { get; private set; }

    public AccessRequestChange(Guid accessRequestId, string actor, string actorRole, DateTimeOffset occurredAt,
        AccessRequestStatus fromStatus, AccessRequestStatus toStatus, string action, string? reason)
    {
        AccessRequestId = accessRequestId;
        Actor = actor;
        ActorRole = actorRole;
        OccurredAt = occurredAt;
        FromStatus = fromStatus;
        ToStatus = toStatus;
        Action = action;
        Reason = reason;
    }

    private AccessRequestChange()
    {
    }
}
