using System.Security.Claims;
using HmisPlatform.BuildingBlocks.Hosting;
using HmisPlatform.Gateway.Domain;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace HmisPlatform.Gateway.Staff;

/// <summary>
/// Access tokens for a signed-in person, so that calls made on their behalf carry their identity (subject, role,
/// agency, the scopes of their role) and never a shared service identity. Signed with the token server's current
/// key and issuer, so every service validates them as it validates any other token. They live five minutes and
/// are made for each call, after the session was checked, so a deactivated person's next call has none.
/// </summary>
public sealed class PersonTokens(IOptionsMonitor<OpenIddictServerOptions> server, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>The client id person tokens name: the platform's own web UI.</summary>
    public const string WebClientId = "hmis-web";

    public string Issue(ClaimsPrincipal person, Uri requestBase)
    {
        var options = server.CurrentValue;
        var role = person.FindFirst(PlatformIdentity.RoleClaim)?.Value ?? "";
        var now = time.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            ["sub"] = person.FindFirst("sub")?.Value ?? throw new InvalidOperationException("The session names no person."),
            [PlatformIdentity.RoleClaim] = role,
            [PlatformIdentity.ScopeClaim] = string.Join(' ', StaffRoles.ScopesOf(role)),
            ["client_id"] = WebClientId,
            ["jti"] = Guid.NewGuid().ToString(),
        };
        if (person.FindFirst(PlatformIdentity.AgencyClaim)?.Value is { } agency)
        {
            claims[PlatformIdentity.AgencyClaim] = agency;
        }
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = (options.Issuer ?? requestBase).AbsoluteUri,
            Audience = PlatformIdentity.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            TokenType = CallerAuthentication.AccessTokenType,
            Claims = claims,
            SigningCredentials = options.SigningCredentials.First(c => c.Key is AsymmetricSecurityKey),
        });
    }
}
