using System.Security.Claims;
using System.Security.Cryptography;
using HmisPlatform.BuildingBlocks.Hosting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace HmisPlatform.Testing;

/// <summary>
/// A stand-in for the gateway's token server in service tests: real signed JWT access tokens from a test key that
/// the service under test is told to trust, so the service's own token validation runs unchanged.
/// </summary>
public static class TestTokens
{
    public const string Issuer = "https://gateway.test/";
    /// <summary>The agency of the default test token: Lakeview Family Services of the demo data.</summary>
    public const string DefaultAgencyId = "0b6f3a51-2d6e-4a4e-9a54-6f0f8d1a0001";

    /// <summary>A token of the HMIS team's own system: no agency, every scope.</summary>
    public static string HmisTeam() => Issue(agencyId: null, role: PlatformIdentity.HmisTeamRole);

    /// <summary>A token of the LMS's own integration: reads paths and reports course progress, belongs to no agency.</summary>
    public static string Lms() =>
        Issue(scopes: [PlatformIdentity.TrainingRead, PlatformIdentity.TrainingProgressWrite], agencyId: null, role: PlatformIdentity.LmsRole, subject: "hmis-lms");

    /// <summary>A signed-in person's token: their id as subject, their role, and their agency.</summary>
    public static string Person(Guid personId, string role, string? agencyId = DefaultAgencyId) =>
        Issue(agencyId: agencyId, role: role, subject: personId.ToString());

    public static readonly RsaSecurityKey SigningKey = new(RSA.Create(2048)) { KeyId = "test-signing-key" };

    /// <summary>Points the service's JWT validation at the test issuer and key instead of the gateway's discovery document.</summary>
    public static void Trust(JwtBearerOptions options)
    {
        options.Authority = null;
        var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
        configuration.SigningKeys.Add(SigningKey);
        options.Configuration = configuration;
        options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
    }

    public static string Issue(
        IEnumerable<string>? scopes = null,
        string? agencyId = DefaultAgencyId,
        string? role = null,
        TimeSpan? lifetime = null,
        string audience = PlatformIdentity.Audience,
        SecurityKey? key = null,
        string tokenType = CallerAuthentication.AccessTokenType,
        string subject = "test-system",
        string? clientId = null,
        string algorithm = SecurityAlgorithms.RsaSha256)
    {
        var now = DateTime.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromMinutes(10));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            IssuedAt = expires < now ? expires.AddMinutes(-5) : now,
            NotBefore = expires < now ? expires.AddMinutes(-5) : now,
            Expires = expires,
            TokenType = tokenType,
            Subject = new ClaimsIdentity(
                new[]
                {
                    new Claim("sub", subject),
                    new Claim(PlatformIdentity.ScopeClaim, string.Join(' ', scopes ?? PlatformIdentity.Scopes)),
                    agencyId is null ? null : new Claim(PlatformIdentity.AgencyClaim, agencyId),
                    role is null ? null : new Claim(PlatformIdentity.RoleClaim, role),
                    clientId is null ? null : new Claim(PlatformIdentity.ClientIdClaim, clientId),
                }.OfType<Claim>()),
            SigningCredentials = new SigningCredentials(key ?? SigningKey, algorithm),
        });
    }
}
