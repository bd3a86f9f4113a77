using Google.Protobuf.WellKnownTypes;
using Hmis.Common.V1;
using Hmis.Events.V1;
using Hmis.Requests.V1;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.Requests.Domain.AccessRequests;
using HmisPlatform.Requests.Domain.Journeys;
using AccessRequest = HmisPlatform.Requests.Domain.AccessRequests.AccessRequest;

namespace HmisPlatform.Requests.Grpc;

/// <summary>Domain objects to contract messages.</summary>
internal static class MessageMapping
{
    public static Hmis.Requests.V1.AccessRequest ToMessage(this AccessRequest request) => new()
    {
        Id = request.Id.ToString(),
        Type = request.Type,
        AgencyId = request.AgencyId.ToString(),
        AtaId = request.AtaId.ToString(),
        Status = request.Status,
        Users = { request.Users.Select(u => new Hmis.Requests.V1.RequestedUser
        {
            PersonId = u.PersonId.ToString(),
            GivenName = u.GivenName,
            FamilyName = u.FamilyName,
            Email = u.Email,
        }) },
        Access = request.ToAccess(),
        Note = request.Note,
        SubmittedAt = Timestamp.FromDateTimeOffset(request.SubmittedAt),
        UpdatedAt = Timestamp.FromDateTimeOffset(request.UpdatedAt),
    };

    public static AccessRequestSubmitted Submission(this AccessRequest request, DateTimeOffset now)
    {
        var (eventId, occurredAt) = EventOutbox.Stamp(now);
        return new AccessRequestSubmitted
        {
            EventId = eventId,
            OccurredAt = occurredAt,
            AccessRequestId = request.Id.ToString(),
            AgencyId = request.AgencyId.ToString(),
            RequestType = request.Type.ToString(),
            PersonIds = { request.Users.Select(u => u.PersonId.ToString()) },
        };
    }

    public static AccessRequestApproved ApprovalOf(this AccessRequest request, Domain.AccessRequests.RequestedUser user, DateTimeOffset now)
    {
        var (eventId, occurredAt) = EventOutbox.Stamp(now);
        return new AccessRequestApproved
        {
            EventId = eventId,
            OccurredAt = occurredAt,
            AccessRequestId = request.Id.ToString(),
            AgencyId = request.AgencyId.ToString(),
            Applicant = new Applicant
            {
                PersonId = user.PersonId.ToString(),
                GivenName = user.GivenName,
                FamilyName = user.FamilyName,
                Email = user.Email,
            },
            Access = request.ToAccess(),
        };
    }

    public static Journey ToMessage(this JourneyView journey, Guid accessRequestId, AccessRequestStatus status) => new()
    {
        PersonId = journey.PersonId.ToString(),
        AccessRequestId = accessRequestId.ToString(),
        CurrentStage = journey.CurrentStage,
        RequestStatus = status,
        Stages = { journey.Stages.Select(s => new JourneyStageSpan
        {
            Stage = s.Stage,
            StartedAt = Timestamp.FromDateTimeOffset(s.StartedAt),
            CompletedAt = s.CompletedAt is { } done ? Timestamp.FromDateTimeOffset(done) : null,
        }) },
        Timeline = { journey.Timeline.Select(e => new JourneyEvent
        {
            Stage = e.Stage,
            Kind = e.Kind,
            OccurredAt = Timestamp.FromDateTimeOffset(e.OccurredAt),
        }) },
    };

    private static Access ToAccess(this AccessRequest request) => new()
    {
        Responsibilities = { request.Responsibilities },
        ProjectTypes = { request.ProjectTypes },
    };
}
