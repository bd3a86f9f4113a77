using Grpc.Core;
using Hmis.Gateway.V1;
using Hmis.Requests.V1;
using HmisPlatform.Gateway.Identity;
using HmisPlatform.Gateway.Security;
using HmisPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HmisPlatform.Gateway.Tests;

/// <summary>The HMIS team registers and revokes agency systems; a revoked one is refused from its next call on.</summary>
public sealed class ClientRegisterTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private const string SouthsideAgencyId = "0b6f3a51-2d6e-4a4e-9a54-6f0f8d1a0002";

    private static RegisterClientRequest NewClient(string? clientId = null) => new()
    {
        ClientId = clientId ?? $"southside-{Guid.NewGuid():N}"[..30],
        DisplayName = "Southside case system",
        AgencyId = SouthsideAgencyId,
        Scopes = { PlatformIdentity.RequestsRead, PlatformIdentity.RequestsWrite },
    };

    private async Task<Clients.ClientsClient> HmisTeamAsync() => new(await gateway.HmisTeamChannelAsync());

    [Fact]
    public async Task RegisteredClient_GetsATokenWithTheSecretShownOnce_AndIsListedWithoutIt()
    {
        var clients = await HmisTeamAsync();

        var registered = await clients.RegisterClientAsync(NewClient());

        Assert.True(registered.ClientSecret.Length >= 43);
        var token = await gateway.TokenAsync(registered.Client.ClientId, registered.ClientSecret);
        Assert.NotEmpty(token);
        var listed = (await clients.ListClientsAsync(new ListClientsRequest { AgencyId = SouthsideAgencyId })).Clients
            .Single(c => c.ClientId == registered.Client.ClientId);
        Assert.Equal(SouthsideAgencyId, listed.AgencyId);
        Assert.Equal([PlatformIdentity.RequestsRead, PlatformIdentity.RequestsWrite], listed.Scopes.Order());
        Assert.DoesNotContain(registered.ClientSecret, listed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoredRegistration_HoldsOnlyAHashOfTheSecret()
    {
        var registered = await (await HmisTeamAsync()).RegisterClientAsync(NewClient());

        await using var scope = gateway.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        var stored = await db.Database.SqlQuery<string>(
            $"""SELECT client_secret AS "Value" FROM "OpenIddictApplications" WHERE client_id = {registered.Client.ClientId}""").SingleAsync();

        Assert.NotEqual(registered.ClientSecret, stored);
        Assert.DoesNotContain(registered.ClientSecret, stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisteringATakenClientId_IsAlreadyExists_AndKeepsTheFirstSecret()
    {
        var clients = await HmisTeamAsync();
        var first = await clients.RegisterClientAsync(NewClient());

        var error = await RpcErrors.CatchAsync(() => clients.RegisterClientAsync(NewClient(first.Client.ClientId)).ResponseAsync);

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        Assert.Equal(ClientRegistry.ClientExistsReason, error.Reason());
        Assert.NotEmpty(await gateway.TokenAsync(first.Client.ClientId, first.ClientSecret));
    }

    [Fact]
    public async Task InvalidRegistration_NamesEveryBadField_AndRegistersNothing()
    {
        var clients = await HmisTeamAsync();
        var request = new RegisterClientRequest
        {
            ClientId = "Not A Valid Id",
            DisplayName = " ",
            AgencyId = "lakeview",
            Scopes = { PlatformIdentity.RequestsRead, PlatformIdentity.RequestsReview },
        };

        var error = await RpcErrors.CatchAsync(() => clients.RegisterClientAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["agency_id", "client_id", "display_name", "scopes[1]"], error.ViolatedFields().Order());
        Assert.DoesNotContain((await clients.ListClientsAsync(new ListClientsRequest())).Clients, c => c.ClientId == request.ClientId);
    }

    [Fact]
    public async Task AnAgencySystem_MayNotManageClients()
    {
        var lakeview = new Clients.ClientsClient(gateway.ChannelWithToken(
            await gateway.TokenAsync(DemoClients.LakeviewClientId, DemoClients.LakeviewSecret)));

        var error = await RpcErrors.CatchAsync(() => lakeview.RegisterClientAsync(NewClient()).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        await using var scope = gateway.Services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<GatewayDbContext>().SecurityEvents;
        Assert.True(await audit.AnyAsync(e => e.Kind == SecurityEventKinds.PermissionDenied && e.Actor == DemoClients.LakeviewClientId
            && e.Subject == "/hmis.gateway.v1.Clients/RegisterClient"));
    }

    [Fact]
    public async Task RevokedClient_IsRefusedFromItsNextCallOn_AndGetsNoNewToken()
    {
        var clients = await HmisTeamAsync();
        var registered = await clients.RegisterClientAsync(NewClient());
        var token = await gateway.TokenAsync(registered.Client.ClientId, registered.ClientSecret);
        var southside = new AccessRequests.AccessRequestsClient(gateway.ChannelWithToken(token));
        var before = await Record.ExceptionAsync(() => southside.GetJourneyAsync(new GetJourneyRequest { PersonId = Guid.NewGuid().ToString() }).ResponseAsync);
        Assert.NotEqual(StatusCode.Unauthenticated, Assert.IsType<RpcException>(before).StatusCode);

        var revoked = await clients.RevokeClientAsync(new RevokeClientRequest { ClientId = registered.Client.ClientId, Reason = "System retired" });

        Assert.NotNull(revoked.Client.RevokedAt);
        var after = await RpcErrors.CatchAsync(() => southside.GetJourneyAsync(new GetJourneyRequest { PersonId = Guid.NewGuid().ToString() }).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, after.StatusCode);
        Assert.Equal("TOKEN_REVOKED", after.Reason());
        using var refused = await gateway.RequestTokenAsync(registered.Client.ClientId, registered.ClientSecret);
        Assert.False(refused.IsSuccessStatusCode);
    }

    [Trait("ASVS", "16.3.1")]
    [Fact]
    public async Task AWrongSecret_IsRefused_AndRecordedAsAFailedClientAuthentication()
    {
        var registered = await (await HmisTeamAsync()).RegisterClientAsync(NewClient());

        using var refused = await gateway.RequestTokenAsync(registered.Client.ClientId, registered.ClientSecret + "x");
        using var unknownShape = await gateway.RequestTokenAsync("Not A Client\nid", "whatever");

        Assert.False(refused.IsSuccessStatusCode);
        Assert.False(unknownShape.IsSuccessStatusCode);
        await using var scope = gateway.Services.CreateAsyncScope();
        var events = await scope.ServiceProvider.GetRequiredService<GatewayDbContext>().SecurityEvents
            .Where(e => e.Kind == SecurityEventKinds.ClientAuthenticationFailed).ToListAsync();
        Assert.Single(events, e => e.Actor == registered.Client.ClientId);
        Assert.DoesNotContain(events, e => e.Actor != null && e.Actor.Contains("Not A Client", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RevokingTwice_ChangesNothingTheSecondTime()
    {
        var clients = await HmisTeamAsync();
        var registered = await clients.RegisterClientAsync(NewClient());
        var revoke = new RevokeClientRequest { ClientId = registered.Client.ClientId, Reason = "Agency left the HMIS" };

        var first = await clients.RevokeClientAsync(revoke);
        var second = await clients.RevokeClientAsync(revoke);

        Assert.Equal(first.Client.RevokedAt, second.Client.RevokedAt);
        await using var scope = gateway.Services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<GatewayDbContext>().SecurityEvents;
        Assert.Equal(1, await audit.CountAsync(e => e.Kind == SecurityEventKinds.ClientRevoked && e.Subject == registered.Client.ClientId));
    }

    [Fact]
    public async Task SecurityAudit_RecordsRegistrationAndTokens_AndRefusesToBeRewritten()
    {
        var registered = await (await HmisTeamAsync()).RegisterClientAsync(NewClient());
        await gateway.TokenAsync(registered.Client.ClientId, registered.ClientSecret);

        await using var scope = gateway.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        var events = await db.SecurityEvents.Where(e => e.Subject == registered.Client.ClientId).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([SecurityEventKinds.ClientRegistered, SecurityEventKinds.TokenIssued], events.Select(e => e.Kind));
        Assert.Equal(DemoClients.ReviewDeskClientId, events[0].Actor);
        Assert.All(events, e => Assert.DoesNotContain(registered.ClientSecret, $"{e.Detail}{e.Subject}{e.Actor}", StringComparison.Ordinal));

        var rewrite = await Record.ExceptionAsync(() => db.Database.ExecuteSqlAsync($"UPDATE security_events SET kind = 'nothing' WHERE subject = {registered.Client.ClientId}"));
        var erase = await Record.ExceptionAsync(() => db.Database.ExecuteSqlAsync($"DELETE FROM security_events WHERE subject = {registered.Client.ClientId}"));
        Assert.Contains("append-only", Assert.IsType<PostgresException>(rewrite).MessageText, StringComparison.Ordinal);
        Assert.Contains("append-only", Assert.IsType<PostgresException>(erase).MessageText, StringComparison.Ordinal);
    }
}
