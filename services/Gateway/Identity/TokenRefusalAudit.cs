using HmisPlatform.Gateway.Domain;
using HmisPlatform.Gateway.Security;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace HmisPlatform.Gateway.Identity;

/// <summary>
/// Records a client the token endpoint refused to authenticate (a wrong or revoked secret, an unknown client) as a
/// security event: guessing secrets shows in the audit. The client id is kept only when it has the shape of one.
/// </summary>
public sealed class TokenRefusalAudit(SecurityAudit audit) : IOpenIddictServerHandler<ApplyTokenResponseContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyTokenResponseContext>()
            .UseScopedHandler<TokenRefusalAudit>()
            .SetOrder(int.MinValue + 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ApplyTokenResponseContext context)
    {
        if (context.Error is not Errors.InvalidClient)
        {
            return;
        }
        var clientId = context.Request?.ClientId;
        await audit.RecordAsync(SecurityEventKinds.ClientAuthenticationFailed,
            ClientRegistration.LooksLikeClientId(clientId) ? clientId : null, TokenServer.TokenPath, detail: "INVALID_CLIENT");
    }
}
