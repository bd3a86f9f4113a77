using HmisPlatform.BuildingBlocks.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace HmisPlatform.Gateway.Identity;

/// <summary>
/// The gateway's own identity when it calls a service as itself (to e-mail an invitation): a token it signs with the
/// token server's current key, as client <see cref="PlatformIdentity.GatewayClientId"/> with the platform-service role
/// and the one scope no client can be given. It lives five minutes and is kept until a minute before it ends.
/// </summary>
public sealed class GatewayServiceIdentity(IOptionsMonitor<OpenIddictServerOptions> server, TimeProvider time) : IServiceTokenSource
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private (string Token, DateTimeOffset RenewAt)? _current;

    public ValueTask<string> GetAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_current is { } held && now < held.RenewAt)
        {
            return ValueTask.FromResult(held.Token);
        }
        var options = server.CurrentValue;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = (options.Issuer ?? throw new InvalidOperationException("Auth:Issuer is not set: the gateway cannot call services as itself.")).AbsoluteUri,
            Audience = PlatformIdentity.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + Lifetime).UtcDateTime,
            TokenType = CallerAuthentication.AccessTokenType,
            Claims = new Dictionary<string, object>
            {
                ["sub"] = PlatformIdentity.GatewayClientId,
                ["client_id"] = PlatformIdentity.GatewayClientId,
                [PlatformIdentity.RoleClaim] = PlatformIdentity.PlatformServiceRole,
                [PlatformIdentity.ScopeClaim] = PlatformIdentity.NotificationsSendInvitation,
                ["jti"] = Guid.NewGuid().ToString(),
            },
            SigningCredentials = options.SigningCredentials.First(c => c.Key is AsymmetricSecurityKey),
        });
        _current = (token, now + Lifetime - TimeSpan.FromMinutes(1));
        return ValueTask.FromResult(token);
    }
}
