using Google.Protobuf.WellKnownTypes;
using Hmis.Credentialing.V1;
using Hmis.Events.V1;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.Credentialing.Domain.Accounts;

namespace HmisPlatform.Credentialing.Grpc;

/// <summary>Domain objects to contract messages and events.</summary>
internal static class MessageMapping
{
    public static Account ToMessage(this HmisAccount account) => new()
    {
        Id = account.Id.ToString(),
        PersonId = account.PersonId.ToString(),
        AgencyId = account.AgencyId.ToString(),
        Username = account.Username,
        Status = account.Status,
        ProjectTypes = { account.ProjectTypes },
        CreatedAt = Timestamp.FromDateTimeOffset(account.CreatedAt),
        ActivatedAt = Stamp(account.ActivatedAt),
        AgreementVersion = account.AgreementVersion ?? string.Empty,
        LastActivityAt = Stamp(account.LastActivityAt),
        AgreementSignedAt = Stamp(account.AgreementSignedAt),
        AgreementConfirmedAt = Stamp(account.AgreementConfirmedAt),
        AgreementConfirmedBy = account.AgreementConfirmedBy ?? string.Empty,
        RemovedAt = Stamp(account.RemovedAt),
        RemovalReason = account.RemovalReason,
        InactivityWarnedAt = Stamp(account.InactivityWarnedAt),
        ProvisionedAt = Stamp(account.ProvisionedAt),
        Route = account.Route,
        Email = account.Email,
    };

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

    public static Agreement ToMessage(this Domain.Agreements.EndUserAgreement agreement) => new()
    {
        Version = agreement.Version,
        Text = agreement.Text,
        TextHash = agreement.TextHash,
        PublishedAt = Timestamp.FromDateTimeOffset(agreement.PublishedAt),
    };

    public static HelpDeskNotification ToMessage(this Domain.HelpDesk.HelpDeskRequest request) => new()
    {
        AccessRequestId = request.AccessRequestId.ToString(),
        PersonId = request.PersonId.ToString(),
        AgencyId = request.AgencyId.ToString(),
        NotifiedAt = Timestamp.FromDateTimeOffset(request.NotifiedAt),
        GrantedAt = Stamp(request.GrantedAt),
    };

    public static Hmis.Credentialing.V1.AccountChange ToMessage(this Domain.Accounts.AccountChange change) => new()
    {
        Kind = ProtoStyle(change.Kind.ToString()),
        ActorSubject = change.Actor.Subject,
        ActorRole = change.Actor.Role,
        ActorClientId = change.Actor.ClientId,
        At = Timestamp.FromDateTimeOffset(change.At),
        Detail = change.Detail,
    };

    /// <summary>A domain name in the contract's UPPER_SNAKE form: AgreementSigned is AGREEMENT_SIGNED.</summary>
    private static string ProtoStyle(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? $"_{c}" : $"{char.ToUpperInvariant(c)}"));

    public static AccessExtended Extended(this HmisAccount account, Guid accessRequestId, DateTimeOffset now)
    {
        var (eventId, occurredAt) = EventOutbox.Stamp(now);
        return new AccessExtended
        {
            EventId = eventId, OccurredAt = occurredAt, PersonId = account.PersonId.ToString(), AccessRequestId = accessRequestId.ToString(),
            AccountId = account.Id.ToString(), AgencyId = account.AgencyId.ToString(), ProjectTypes = { account.ProjectTypes },
        };
    }

    public static HelpDeskNotified Notified(this Domain.HelpDesk.HelpDeskRequest request, DateTimeOffset now)
    {
        var (eventId, occurredAt) = EventOutbox.Stamp(now);
        return new HelpDeskNotified
        {
            EventId = eventId, OccurredAt = occurredAt, PersonId = request.PersonId.ToString(),
            AccessRequestId = request.AccessRequestId.ToString(), AgencyId = request.AgencyId.ToString(),
        };
    }

    /// <summary>The contract's name of a removal reason without its prefix: REMOVAL_REASON_INACTIVE is INACTIVE.</summary>
    private static string ReasonCode(RemovalReason reason) =>
        CredentialsReflection.Descriptor.FindTypeByName<Google.Protobuf.Reflection.EnumDescriptor>("RemovalReason")
            .FindValueByNumber((int)reason).Name["REMOVAL_REASON_".Length..];

    private static Timestamp? Stamp(DateTimeOffset? at) => at is { } value ? Timestamp.FromDateTimeOffset(value) : null;
}
