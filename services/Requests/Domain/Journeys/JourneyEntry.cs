using HmisPlatform.Requests.Domain.AccessRequests;
using HmisPlatform.Requests.Domain.Agencies;

namespace HmisPlatform.Requests.Domain.Journeys;

/// <summary>One thing that happened to a person on their way to credentials, kept as it was reported.</summary>
public sealed class JourneyEntry
{
    public long Id { get; private set; }

    public Guid PersonId { get; private set; }

    public Guid AccessRequestId { get; private set; }

    /// <summary>The integration event (or the local change) it records; unique, so nothing is recorded twice.</summary>
    public Guid SourceEventId { get; private set; }

    public JourneyStage Stage { get; private set; }

    public string Kind { get; private set; } = "";

    public DateTimeOffset OccurredAt { get; private set; }

    public JourneyEntry(Guid personId, Guid accessRequestId, Guid sourceEventId, JourneyStage stage, string kind, DateTimeOffset occurredAt)
    {
        PersonId = personId;
        AccessRequestId = accessRequestId;
        SourceEventId = sourceEventId;
        Stage = stage;
        Kind = kind;
        OccurredAt = occurredAt;
    }

    private JourneyEntry()
    {
    }
}
