using HmisPlatform.Requests.Domain.AccessRequests;
using HmisPlatform.Requests.Domain.Agencies;

namespace HmisPlatform.Requests.Domain.Journeys;

/// <summary>
/// Where each person's journey stands, one row per person, rewritten from their entries whenever one is recorded:
/// what lists of journeys filter, sort and page on.
/// </summary>
public sealed class JourneySummary
{
    public Guid PersonId { get; private set; }

    public Guid AccessRequestId { get; private set; }

    public Guid AgencyId { get; private set; }

    public RequestType RequestType { get; private set; }

    public JourneyStage CurrentStage { get; private set; }

    public DateTimeOffset StageStartedAt { get; private set; }

    public WaitingOn WaitingOn { get; private set; }

    public JourneySummary(Guid personId) => PersonId = personId;

    private JourneySummary()
    {
    }

    /// <summary>Takes the view's state; returns the stage the person left, when this moved them on.</summary>
    public (JourneyStage Left, DateTimeOffset Since)? Update(JourneyView view, Guid agencyId, RequestType requestType)
    {
        var moved = CurrentStage != JourneyStage.Unspecified && (view.CurrentStage != CurrentStage || view.AccessRequestId != AccessRequestId)
            ? (CurrentStage, StageStartedAt)
            : ((JourneyStage, DateTimeOffset)?)null;
        AccessRequestId = view.AccessRequestId;
        AgencyId = agencyId;
        RequestType = requestType;
        CurrentStage = view.CurrentStage;
        StageStartedAt = view.CurrentStageStartedAt!.Value;
        WaitingOn = view.WaitingOn;
        return moved;
    }
}
