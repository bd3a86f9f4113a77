using Google.Protobuf.WellKnownTypes;
using Hmis.Events.V1;
using HmisPlatform.BuildingBlocks.Contracts;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.Credentialing.Contracts;
using HmisPlatform.Credentialing.Domain.Accounts;
using HmisPlatform.Credentialing.Domain.HelpDesk;

namespace HmisPlatform.Credentialing.IntegrationEvents;

/// <summary>The integration events Credentialing publishes, built from its domain objects.</summary>
internal static class OutgoingEvents
{
    public static InactivityWarning InactivityWarning(this HmisAccount account, DateTimeOffset removalDue, DateTimeOffset now)
    {
        var (eventId, occurredAt) = EventOutbox.Stamp(now);
        return new InactivityWarning
        {
            EventId = eventId,
            OccurredAt = occurredAt,
            PersonId = account.PersonId.ToString(),
            AccessRequestId = account.AccessRequestId.ToString(),
            AccountId = account.Id.ToString(),
            AgencyId = account.AgencyId.ToString(),
            LastActivityAt = Timestamp.FromDateTimeOffset(account.LastActivityAt ?? account.ActivatedAt ?? account.CreatedAt),
            RemovalDueAt = Timestamp.FromDateTimeOffset(removalDue),
        };
    }

    public static AccountImported Imported(this HmisAccount account, string givenName, string familyName, DateTimeOffset now)
    {
        var (eventId, occurredAt) = EventOutbox.Stamp(now);
        return new AccountImported
        {
            EventId = eventId,
            OccurredAt = occurredAt,
            AccountId = account.Id.ToString(),
            AgencyId = account.AgencyId.ToString(),
            Person = new Applicant { PersonId = account.PersonId.ToString(), GivenName = givenName, FamilyName = familyName, Email = account.Email },
        };
    }

    public static AccessRemoved AccessRemoved(this HmisAccount account, DateTimeOffset now)
    {
        var (eventId, occurredAt) = EventOutbox.Stamp(now);
        return new AccessRemoved
        {
            EventId = eventId,
            OccurredAt = occurredAt,
            PersonId = account.PersonId.ToString(),
            AccessRequestId = account.AccessRequestId.ToString(),
            AccountId = account.Id.ToString(),
            AgencyId = account.AgencyId.ToString(),
            Reason = ReasonCode(account.RemovalReason),
        };
    }

    public static AccountPendingAgreement PendingAgreement(this HmisAccount account, DateTimeOffset now)
    {
        var (eventId, occurredAt) = EventOutbox.Stamp(now);
        return new AccountPendingAgreement
        {
            EventId = eventId,
            OccurredAt = occurredAt,
            PersonId = account.PersonId.ToString(),
            AccessRequestId = account.AccessRequestId.ToString(),
            AccountId = account.Id.ToString(),
        };
    }

    public static EndUserAgreementSigned Signed(this HmisAccount account, DateTimeOffset now)
    {
        var (eventId, occurredAt) = EventOutbox.Stamp(now);
        return new EndUserAgreementSigned
        {
            EventId = eventId,
            OccurredAt = occurredAt,
            PersonId = account.PersonId.ToString(),
            AccessRequestId = account.AccessRequestId.ToString(),
            AccountId = account.Id.ToString(),
            AgreementVersion = account.AgreementVersion ?? string.Empty,
        };
    }

    public static CredentialsIssued CredentialsIssued(this HmisAccount account, DateTimeOffset now)
    {
        var (eventId, occurredAt) = EventOutbox.Stamp(now);
        return new CredentialsIssued
        {
            EventId = eventId,
            OccurredAt = occurredAt,
            PersonId = account.PersonId.ToString(),
            AccessRequestId = account.AccessRequestId.ToString(),
            AccountId = account.Id.ToString(),
            Username = account.Username,
        };
    }

    public static AccessExtended Extended(this HmisAccount account, Guid accessRequestId, DateTimeOffset now)
    {
        var (eventId, occurredAt) = EventOutbox.Stamp(now);
        return new AccessExtended
        {
            EventId = eventId, OccurredAt = occurredAt, PersonId = account.PersonId.ToString(), AccessRequestId = accessRequestId.ToString(),
            AccountId = account.Id.ToString(), AgencyId = account.AgencyId.ToString(), ProjectTypes = { account.ProjectTypes.ToContract() },
        };
    }

    public static HelpDeskNotified Notified(this HelpDeskRequest request, DateTimeOffset now)
    {
        var (eventId, occurredAt) = EventOutbox.Stamp(now);
        return new HelpDeskNotified
        {
            EventId = eventId, OccurredAt = occurredAt, PersonId = request.PersonId.ToString(),
            AccessRequestId = request.AccessRequestId.ToString(), AgencyId = request.AgencyId.ToString(),
        };
    }

    /// <summary>The contract's name of a removal reason without its prefix: REMOVAL_REASON_INACTIVE is INACTIVE.</summary>
    private static string ReasonCode(RemovalReason reason) => ProtoEnum.ShortNameOf(reason.ToContract(), "REMOVAL_REASON_");
}
