using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hmis.Gateway.V1;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Grpc;
using HmisPlatform.Gateway.Domain;
using HmisPlatform.Gateway.Identity;
using HmisPlatform.Gateway.Security;
using Microsoft.AspNetCore.Authorization;

namespace HmisPlatform.Gateway.Grpc;

/// <summary>The HMIS team's register of agency systems, over gRPC.</summary>
[Authorize(Policy = GatewayPolicies.HmisTeam)]
public sealed class ClientsService(ClientRegistry registry) : Clients.ClientsBase
{
    public override async Task<RegisterClientResponse> RegisterClient(RegisterClientRequest request, ServerCallContext context)
    {
        var registration = ClientRegistration.Create(request.ClientId, request.DisplayName, request.AgencyId, request.Scopes, request.RedirectUris);
        var (client, secret) = await registry.RegisterAsync(registration, context.Caller().Subject, context.CancellationToken);
        return new RegisterClientResponse { Client = ToMessage(client), ClientSecret = secret };
    }

    public override async Task<RevokeClientResponse> RevokeClient(RevokeClientRequest request, ServerCallContext context)
    {
        var reason = StatedReason.Parse(request.Reason);
        var client = await registry.RevokeAsync(request.ClientId, reason, context.Caller().Subject, context.CancellationToken);
        return new RevokeClientResponse { Client = ToMessage(client) };
    }

    public override async Task<ListClientsResponse> ListClients(ListClientsRequest request, ServerCallContext context)
    {
        Guid? agency = request.AgencyId.Length == 0 ? null : Ids.Parse(request.AgencyId, "agency_id");
        var clients = await registry.ListAsync(agency, context.CancellationToken);
        return new ListClientsResponse { Clients = { clients.Select(ToMessage) } };
    }

    private static Client ToMessage(RegisteredClient client)
    {
        var message = new Client
        {
            ClientId = client.ClientId,
            DisplayName = client.DisplayName,
            AgencyId = client.AgencyId?.ToString() ?? "",
            Scopes = { client.Scopes },
            RedirectUris = { client.RedirectUris.Select(u => u.AbsoluteUri) },
        };
        if (client.RegisteredAt is { } registered)
        {
            message.RegisteredAt = Timestamp.FromDateTimeOffset(registered);
        }
        if (client.RevokedAt is { } revoked)
        {
            message.RevokedAt = Timestamp.FromDateTimeOffset(revoked);
        }
        return message;
    }
}
