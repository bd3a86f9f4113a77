using Google.Protobuf.WellKnownTypes;
using Hmis.Common.V1;
using Hmis.Events.V1;
using Hmis.Requests.V1;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.Requests.Domain.AccessRequests;
using HmisPlatform.Requests.Domain.Journeys;
using AccessRequest = HmisPlatform.Requests.Domain.AccessRequests.AccessRequest;

namespace HmisPlatform.Requests.Grpc;

/// <summary>Domain objects to contract messages and integration events.</summary>
internal static class MessageMapping
{
    public static Hmis.Requests.V1.AccessRequest ToMessage(this AccessRequest request, DateTimeOffset now) => new()
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
            LmsUsername = u.LmsUsername,
        }) },
        Access = request.ToAccess(),
        Note = request.Note,
        SubmittedAt = Timestamp.FromDateTimeOffset(request.SubmittedAt),
        UpdatedAt = Timestamp.FromDateTimeOffset(request.UpdatedAt),
        Etag = request.Etag,
        TransferPath = request.TransferPath,
        ProjectTypesToTrain = { request.ProjectTypesToTrain },
        WaitingOn = request.WaitingOn,
        TimeWaiting = Duration.FromTimeSpan(request.TimeWaiting(now)),
        DecisionReason = request.DecisionReason ?? "",
        RequiredForm = request.RequiredForm,
        ReplacesAccessRequestId = request.ReplacesAccessRequestId?.ToString() ?? "",
        CreditsConfirmedAt = request.CreditsConfirmedAt is { } credits ? Timestamp.FromDateTimeOffset(credits) : null,
        CeApprovedAt = request.CeApprovedAt is { } ce ? Timestamp.FromDateTimeOffset(ce) : null,
        InformationProvided = request.InformationProvided ?? "",
        Warnings = { request.Warnings },
        SubmittedBy = request.SubmittedBy,
        AssessmentWaived = request.AssessmentWaived,
        NewHireValidations = { request.NewHireValidations.Select(v => new Hmis.Requests.V1.NewHireValidation
        {
            AdministratorId = v.AdministratorId.ToString(),
            FullName = v.FullName,
            Role = ProtoEnum.NameOf(v.Role),
            ValidatedAt = Timestamp.FromDateTimeOffset(v.ValidatedAt),
        }) },
    };

    public static Hmis.Requests.V1.AccessRequestChange ToMessage(this Domain.AccessRequests.AccessRequestChange change) => new()
    {
        Actor = change.Actor,
        ActorRole = change.ActorRole,
        OccurredAt = Timestamp.FromDateTimeOffset(change.OccurredAt),
        FromStatus = change.FromStatus,
        ToStatus = change.ToStatus,
        Action = change.Action,
        Reason = change.Reason ?? "",
    };

    public static AccessRequestSubmitted Submission(this AccessRequest request, Domain.Agencies.AgencyAdministrator ata, DateTimeOffset now)
    {
        var (eventId, occurredAt) = EventOutbox.Stamp(now);
        return new AccessRequestSubmitted
        {
            EventId = eventId,
            OccurredAt = occurredAt,
            AccessRequestId = request.Id.ToString(),
            AgencyId = request.AgencyId.ToString(),
            RequestType = ProtoEnum.NameOf(request.Type),
            PersonIds = { request.Users.Select(u => u.PersonId.ToString()) },
            Ata = new Contact { Id = ata.Id.ToString(), FullName = ata.FullName, Email = ata.Email },
        };
    }

    public static NewHireValidated NewHireValidation(this AccessRequest request, Domain.Agencies.AgencyAdministrator validator, DateTimeOffset now)
    {
        var (eventId, occurredAt) = EventOutbox.Stamp(now);
        return new NewHireValidated
        {
            EventId = eventId,
            OccurredAt = occurredAt,
            AccessRequestId = request.Id.ToString(),
            AgencyId = request.AgencyId.ToString(),
            Validator = new Contact { Id = validator.Id.ToString(), FullName = validator.FullName, Email = validator.Email },
            Role = ProtoEnum.NameOf(validator.Role),
        };
    }

    public static AccessRequestApproved ApprovalOf(this AccessRequest request, Domain.AccessRequests.RequestedUser user, IEnumerable<string> agencyDomains,
        IEnumerable<Domain.Agencies.AgencyAdministrator> validators, DateTimeOffset now)
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
                LmsUsername = user.LmsUsername,
            },
            Access = request.ToAccess(),
            AgencyEmailDomains = { agencyDomains },
            RequestType = ProtoEnum.NameOf(request.Type),
            TransferPath = ProtoEnum.ShortNameOf(request.TransferPath, "TRANSFER_PATH_"),
            ProjectTypesToTrain = { request.ProjectTypesToTrain },
            AssessmentWaived = request.AssessmentWaived,
            NoDataEntry = !AssessmentWaiver.EntersClientData(request.Responsibilities),
            Validators = { validators.Select(v => new Contact { Id = v.Id.ToString(), FullName = v.FullName, Email = v.Email }) },
        };
    }

    public static AccessRequestStatusChanged StatusChange(this AccessRequest request, Domain.AccessRequests.AccessRequestChange change, DateTimeOffset now)
    {
        var (eventId, occurredAt) = EventOutbox.Stamp(now);
        return new AccessRequestStatusChanged
        {
            EventId = eventId,
            OccurredAt = occurredAt,
            AccessRequestId = request.Id.ToString(),
            AgencyId = request.AgencyId.ToString(),
            RequestType = ProtoEnum.NameOf(request.Type),
            FromStatus = ProtoEnum.NameOf(change.FromStatus),
            ToStatus = ProtoEnum.NameOf(change.ToStatus),
            Action = change.Action,
            PersonIds = { request.Users.Select(u => u.PersonId.ToString()) },
            Closed = AccessRequestStatusMachine.ClosedWithoutAccounts.Contains(change.ToStatus),
            RequiredForm = request.RequiredForm == RequestType.Unspecified ? "" : ProtoEnum.NameOf(request.RequiredForm),
            Reason = change.Reason ?? "",
        };
    }

    /// <summary>One person left an open request (their way lapsed): a status event naming only them, not closing the request.</summary>
    public static AccessRequestStatusChanged PersonLapse(this AccessRequest request, Domain.AccessRequests.AccessRequestChange change, Guid personId, DateTimeOffset now)
    {
        var lapse = request.StatusChange(change, now);
        lapse.PersonIds.Clear();
        lapse.PersonIds.Add(personId.ToString());
        return lapse;
    }

    public static Journey ToMessage(this JourneyView journey, JourneySummary summary, AccessRequestStatus status, DateTimeOffset now)
    {
        var message = summary.ToMessage(status, now);
        message.Stages.Add(journey.Stages.Select(s => new JourneyStageSpan
        {
            Stage = s.Stage,
            StartedAt = Timestamp.FromDateTimeOffset(s.StartedAt),
            CompletedAt = s.CompletedAt is { } done ? Timestamp.FromDateTimeOffset(done) : null,
        }));
        message.Timeline.Add(journey.Timeline.Select(e => new JourneyEvent
        {
            Stage = e.Stage,
            Kind = e.Kind,
            OccurredAt = Timestamp.FromDateTimeOffset(e.OccurredAt),
        }));
        return message;
    }

    public static Journey ToMessage(this JourneySummary summary, AccessRequestStatus status, DateTimeOffset now) => new()
    {
        PersonId = summary.PersonId.ToString(),
        AccessRequestId = summary.AccessRequestId.ToString(),
        CurrentStage = summary.CurrentStage,
        RequestStatus = status,
        AgencyId = summary.AgencyId.ToString(),
        WaitingOn = summary.WaitingOn,
        TimeInStage = Duration.FromTimeSpan(now > summary.StageStartedAt ? now - summary.StageStartedAt : TimeSpan.Zero),
        RequestType = summary.RequestType,
    };

    private static Access ToAccess(this AccessRequest request) => new()
    {
        Responsibilities = { request.Responsibilities },
        ProjectTypes = { request.ProjectTypes },
    };
}
