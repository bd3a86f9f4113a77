using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Hosting;
using HmisPlatform.Gateway.Domain;
using HmisPlatform.Gateway.Security;
using OpenIddict.Abstractions;
using StackExchange.Redis;

namespace HmisPlatform.Gateway.Identity;

/// <summary>A registered client as the HMIS team sees it.</summary>
public sealed record RegisteredClient(
    string ClientId, string DisplayName, Guid? AgencyId, IReadOnlyList<string> Scopes, DateTimeOffset? RegisteredAt, DateTimeOffset? RevokedAt,
    IReadOnlyList<Uri> RedirectUris);

/// <summary>
/// Registers and revokes agency systems. A secret leaves only in the answer to its registration; OpenIddict keeps
/// its hash. Revoking takes the client's permissions away and revokes its tokens, which the gateway checks on
/// every call, and tells every service (<see cref="RevokedClients"/>), so the client is refused from its next call on,
/// through the gateway or not.
/// </summary>
public sealed class ClientRegistry(
    IOpenIddictApplicationManager applications,
    IOpenIddictTokenManager tokens,
    SecurityAudit audit,
    IConnectionMultiplexer redis,
    TimeProvider time)
{
    public const string ClientExistsReason = "CLIENT_ALREADY_REGISTERED";
    public const string ClientNotFoundReason = "CLIENT_NOT_FOUND";

    public async Task<(RegisteredClient Client, string Secret)> RegisterAsync(ClientRegistration registration, string actor, CancellationToken cancellationToken)
    {
        if (await applications.FindByClientIdAsync(registration.ClientId, cancellationToken) is not null)
        {
            throw new DomainException(ErrorKind.AlreadyExists, ClientExistsReason, "A client with that id is registered already; ids are never reused.");
        }
        var secret = ClientRegistration.NewSecret();
        var descriptor = AgencyClients.Describe(registration.ClientId, secret, registration.DisplayName,
            registration.AgencyId.ToString(), role: null, registration.Scopes, time.GetUtcNow(), registration.RedirectUris);
        await applications.CreateAsync(descriptor, cancellationToken);
        await audit.RecordAsync(SecurityEventKinds.ClientRegistered, actor, registration.ClientId, registration.AgencyId, cancellationToken: cancellationToken);
        return (ToClient(descriptor), secret);
    }

    public async Task<RegisteredClient> RevokeAsync(string clientId, string reason, string actor, CancellationToken cancellationToken)
    {
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken)
            ?? throw DomainException.NotFound(ClientNotFoundReason, "No client is registered with that id.");
        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, cancellationToken);
        if (descriptor.Timestamp(AgencyClients.RevokedAtProperty) is null)
        {
            AgencyClients.Revoke(descriptor, time.GetUtcNow());
            await applications.UpdateAsync(application, descriptor, cancellationToken);
            await audit.RecordWithStatedReasonAsync(SecurityEventKinds.ClientRevoked, actor, clientId, AgencyOf(descriptor), reason, cancellationToken);
        }
        // Also on a repeated call: a token issued in the moment between the two steps is revoked as well.
        await tokens.RevokeByApplicationIdAsync((await applications.GetIdAsync(application, cancellationToken))!, cancellationToken);
        await RevokedClients.RevokeAsync(redis, clientId);
        return ToClient(descriptor);
    }

    public async Task<IReadOnlyList<RegisteredClient>> ListAsync(Guid? agencyId, CancellationToken cancellationToken)
    {
        var clients = new List<RegisteredClient>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, cancellationToken))
        {
            var descriptor = new OpenIddictApplicationDescriptor();
            await applications.PopulateAsync(descriptor, application, cancellationToken);
            var client = ToClient(descriptor);
            if (agencyId is null || client.AgencyId == agencyId)
            {
                clients.Add(client);
            }
        }
        return [.. clients.OrderBy(c => c.ClientId, StringComparer.Ordinal)];
    }

    private static Guid? AgencyOf(OpenIddictApplicationDescriptor descriptor) =>
        Guid.TryParse(descriptor.Property(AgencyClients.AgencyProperty), out var agency) ? agency : null;

    private static RegisteredClient ToClient(OpenIddictApplicationDescriptor descriptor) => new(
        descriptor.ClientId!,
        descriptor.DisplayName ?? "",
        AgencyOf(descriptor),
        [.. AgencyClients.ScopesOf(descriptor)],
        descriptor.Timestamp(AgencyClients.RegisteredAtProperty),
        descriptor.Timestamp(AgencyClients.RevokedAtProperty),
        [.. descriptor.RedirectUris]);
}
