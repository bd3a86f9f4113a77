using Google.Protobuf.WellKnownTypes;
using Hmis.Credentialing.V1;
using HmisPlatform.BuildingBlocks.Contracts;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Credentialing.Contracts;
using HmisPlatform.Credentialing.Domain.Accounts;
using AccountChange = HmisPlatform.Credentialing.Domain.Accounts.AccountChange;

namespace HmisPlatform.Credentialing.Grpc;

/// <summary>Domain objects to the contract's messages.</summary>
internal static class MessageMapping
{
    public static Account ToMessage(this HmisAccount account) => new()
    {
        Id = account.Id.ToString(),
        PersonId = account.PersonId.ToString(),
        AgencyId = account.AgencyId.ToString(),
        Username = account.Username,
        Status = account.Status.ToContract(),
        ProjectTypes = { account.ProjectTypes.ToContract() },
        CreatedAt = Timestamp.FromDateTimeOffset(account.CreatedAt),
        ActivatedAt = Stamp(account.ActivatedAt),
        AgreementVersion = account.AgreementVersion ?? string.Empty,
        LastActivityAt = Stamp(account.LastActivityAt),
        AgreementSignedAt = Stamp(account.AgreementSignedAt),
        AgreementConfirmedAt = Stamp(account.AgreementConfirmedAt),
        AgreementConfirmedBy = account.AgreementConfirmedBy ?? string.Empty,
        RemovedAt = Stamp(account.RemovedAt),
        RemovalReason = account.RemovalReason.ToContract(),
        InactivityWarnedAt = Stamp(account.InactivityWarnedAt),
        ProvisionedAt = Stamp(account.ProvisionedAt),
        Route = account.Route.ToContract(),
        Email = account.Email,
    };

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
        Kind = EnumNames.UpperSnake(change.Kind),
        ActorSubject = change.Actor.Subject,
        ActorRole = change.Actor.Role,
        ActorClientId = change.Actor.ClientId,
        At = Timestamp.FromDateTimeOffset(change.At),
        Detail = change.Detail,
    };

    private static Timestamp? Stamp(DateTimeOffset? at) => at is { } value ? Timestamp.FromDateTimeOffset(value) : null;
}
