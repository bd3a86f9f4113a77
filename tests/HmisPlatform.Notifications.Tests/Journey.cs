using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Hmis.Common.V1;
using Hmis.Events.V1;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Notifications.Tests;

/// <summary>One access request as the Notifications service hears of it: its ATA, its person, and the events of its steps.</summary>
public sealed class Journey(NotificationsFixture service)
{
    public Guid RequestId { get; } = Guid.NewGuid();

    public Guid PersonId { get; } = Guid.NewGuid();

    public Guid AtaId { get; } = Guid.NewGuid();

    public string AgencyId => TestTokens.DefaultAgencyId;

    public string UserEmail => $"user-{PersonId:N}@lakeview.example.org";

    public string AtaEmail => $"ata-{AtaId:N}@lakeview.example.org";

    private static Timestamp Now => Timestamp.FromDateTime(DateTime.UtcNow);

    public AccessRequestSubmitted Submitted(string? ataEmail = null) => new()
    {
        EventId = Guid.NewGuid().ToString(), OccurredAt = Now, AccessRequestId = RequestId.ToString(), AgencyId = AgencyId,
        RequestType = "REQUEST_TYPE_NEW_AGENCY_USERS", PersonIds = { PersonId.ToString() },
        Ata = new Contact { Id = AtaId.ToString(), FullName = "Alex Rivera", Email = ataEmail ?? AtaEmail },
    };

    public AccessRequestApproved Approved(string? userEmail = null) => new()
    {
        EventId = Guid.NewGuid().ToString(), OccurredAt = Now, AccessRequestId = RequestId.ToString(), AgencyId = AgencyId,
        Applicant = new Applicant { PersonId = PersonId.ToString(), GivenName = "Noor", FamilyName = "Haddad", Email = userEmail ?? UserEmail, LmsUsername = "nhaddad.lms" },
        RequestType = "REQUEST_TYPE_NEW_AGENCY_USERS", TransferPath = "FULL_TRAINING", ProjectTypesToTrain = { ProjectType.EmergencyShelter },
    };

    public AccessRequestStatusChanged StatusChanged(string action, string toStatus, string reason = "", string requiredForm = "") => new()
    {
        EventId = Guid.NewGuid().ToString(), OccurredAt = Now, AccessRequestId = RequestId.ToString(), AgencyId = AgencyId,
        RequestType = "REQUEST_TYPE_NEW_AGENCY_USERS", FromStatus = "ACCESS_REQUEST_STATUS_SUBMITTED", ToStatus = toStatus, Action = action,
        PersonIds = { PersonId.ToString() }, Reason = reason, RequiredForm = requiredForm,
    };

    public NewHireValidated Validated(Guid supervisorId, string supervisorEmail) => new()
    {
        EventId = Guid.NewGuid().ToString(), OccurredAt = Now, AccessRequestId = RequestId.ToString(), AgencyId = AgencyId,
        Validator = new Contact { Id = supervisorId.ToString(), FullName = "Morgan Ellis", Email = supervisorEmail }, Role = "ADMINISTRATOR_ROLE_SUPERVISOR",
    };

    /// <summary>Submitted and approved: the ATA and the person are known.</summary>
    public async Task<Journey> StartedAsync()
    {
        await DeliverAsync(Submitted());
        await DeliverAsync(Approved());
        return this;
    }

    /// <summary>Publishes the event on its stream and waits until the service applied it.</summary>
    public async Task DeliverAsync(IMessage integrationEvent)
    {
        await service.Redis.PublishAsync(service.StreamOf(integrationEvent.Descriptor), integrationEvent);
        var eventId = EventEnvelope.EventId(integrationEvent);
        await Eventually.ReturnsAsync(() => service.QueryAsync(db => db.Set<InboxEntry>().AnyAsync(e => e.EventId == eventId)), seen => seen);
    }

    public async Task DeliverTwiceAsync(IMessage integrationEvent)
    {
        await DeliverAsync(integrationEvent);
        await service.Redis.PublishAsync(service.StreamOf(integrationEvent.Descriptor), integrationEvent);
    }
}
