using Google.Protobuf.WellKnownTypes;
using Hmis.Common.V1;
using Hmis.Events.V1;
using HmisPlatform.BuildingBlocks.Contracts;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.Requests.Contracts;
using HmisPlatform.Requests.Domain.AccessRequests;
using HmisPlatform.Requests.Domain.Agencies;
using AccessRequest = HmisPlatform.Requests.Domain.AccessRequests.AccessRequest;
using AccessRequestChange = HmisPlatform.Requests.Domain.AccessRequests.AccessRequestChange;

namespace HmisPlatform.Requests.IntegrationEvents;

/// <summary>The integration events Requests publishes, built from its domain objects.</summary>
internal static class OutgoingEvents
{
    public static AccessRequestSubmitted Submission(this AccessRequest request, AgencyAdministrator ata, DateTimeOffset now)
    {
        var (eventId, occurredAt) = EventOutbox.Stamp(now);
        return new AccessRequestSubmitted
        {
            EventId = eventId,
            OccurredAt = occurredAt,
            AccessRequestId = request.Id.ToString(),
            AgencyId = request.AgencyId.ToString(),
            RequestType = ProtoEnum.NameOf(request.Type.ToContract()),
            PersonIds = { request.Users.Select(u => u.PersonId.ToString()) },
            Ata = new Contact { Id = ata.Id.ToString(), FullName = ata.FullName, Email = ata.Email },
        };
    }

    public static NewHireValidated NewHireValidation(this AccessRequest request, AgencyAdministrator validator, DateTimeOffset now)
    {
        var (eventId, occurredAt) = EventOutbox.Stamp(now);
        return new NewHireValidated
        {
            EventId = eventId,
            OccurredAt = occurredAt,
            AccessRequestId = request.Id.ToString(),
            AgencyId = request.AgencyId.ToString(),
            Validator = new Contact { Id = validator.Id.ToString(), FullName = validator.FullName, Email = validator.Email },
            Role = ProtoEnum.NameOf(validator.Role.ToContract()),
        };
    }

    public static AccessRequestApproved ApprovalOf(this AccessRequest request, RequestedUser user, IEnumerable<string> agencyDomains,
        IEnumerable<AgencyAdministrator> validators, DateTimeOffset now)
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
            RequestType = ProtoEnum.NameOf(request.Type.ToContract()),
            TransferPath = ProtoEnum.ShortNameOf(request.TransferPath.ToContract(), "TRANSFER_PATH_"),
            ProjectTypesToTrain = { request.ProjectTypesToTrain.ToContract() },
            AssessmentWaived = request.AssessmentWaived,
            NoDataEntry = !AssessmentWaiver.EntersClientData(request.Responsibilities),
            Validators = { validators.Select(v => new Contact { Id = v.Id.ToString(), FullName = v.FullName, Email = v.Email }) },
        };
    }

    public static AccessRequestStatusChanged StatusChange(this AccessRequest request, AccessRequestChange change, DateTimeOffset now)
    {
        var (eventId, occurredAt) = EventOutbox.Stamp(now);
        return new AccessRequestStatusChanged
        {
            EventId = eventId,
            OccurredAt = occurredAt,
            AccessRequestId = request.Id.ToString(),
            AgencyId = request.AgencyId.ToString(),
            RequestType = ProtoEnum.NameOf(request.Type.ToContract()),
            FromStatus = ProtoEnum.NameOf(change.FromStatus.ToContract()),
            ToStatus = ProtoEnum.NameOf(change.ToStatus.ToContract()),
            Action = change.Action,
            PersonIds = { request.Users.Select(u => u.PersonId.ToString()) },
            Closed = AccessRequestStatusMachine.ClosedWithoutAccounts.Contains(change.ToStatus),
            RequiredForm = request.RequiredForm == RequestType.Unspecified ? "" : ProtoEnum.NameOf(request.RequiredForm.ToContract()),
            Reason = change.Reason ?? "",
        };
    }

    /// <summary>One person left an open request (their way lapsed): a status event naming only them, not closing the request.</summary>
    public static AccessRequestStatusChanged PersonLapse(this AccessRequest request, AccessRequestChange change, Guid personId, DateTimeOffset now)
    {
        var lapse = request.StatusChange(change, now);
        lapse.PersonIds.Clear();
        lapse.PersonIds.Add(personId.ToString());
        return lapse;
    }

    public static AtaTrainingDeadlineNotice TrainingDeadlineNotice(this AgencyAdministrator administrator, AtaTrainingNotice notice, AtaTrainingCalendar calendar, DateTimeOffset now)
    {
        var (eventId, occurredAt) = EventOutbox.Stamp(now);
        return new AtaTrainingDeadlineNotice
        {
            EventId = eventId,
            OccurredAt = occurredAt,
            AgencyId = administrator.AgencyId.ToString(),
            Ata = new Contact { Id = administrator.Id.ToString(), FullName = administrator.FullName, Email = administrator.Email },
            Deadline = IsoDate.Format(administrator.TrainingDeadline(calendar)),
            Missed = notice == AtaTrainingNotice.Missed,
            Course = calendar.Course,
        };
    }

    /// <summary>The access a request asks for, as the contracts carry it.</summary>
    public static Access ToAccess(this AccessRequest request) => new()
    {
        Responsibilities = { request.Responsibilities.ToContract() },
        ProjectTypes = { request.ProjectTypes.ToContract() },
    };
}
