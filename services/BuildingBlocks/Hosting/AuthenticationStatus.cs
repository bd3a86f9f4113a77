using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HmisPlatform.BuildingBlocks.Hosting;

/// <summary>The reasons a service gives when it refuses a call for its token. The token itself is never echoed.</summary>
public static class AuthenticationStatus
{
    public const string Domain = "hmis.auth";
    public const string TokenMissingReason = "TOKEN_MISSING";
    public const string TokenExpiredReason = "TOKEN_EXPIRED";
    public const string TokenRevokedReason = "TOKEN_REVOKED";
    public const string TokenInvalidReason = "TOKEN_INVALID";
    public const string ScopeMissingReason = "SCOPE_MISSING";

    // OpenIddict's validation (the gateway) says "no longer valid" both for an expired token and for a revoked one.
    private const string OpenIddictNoLongerValid = "/ID2019";

    public static string ReasonFor(AuthenticateResult authentication, DateTimeOffset now) => authentication.Failure switch
    {
        null => TokenMissingReason,
        SecurityTokenExpiredException => TokenExpiredReason,
        ClientRevokedException => TokenRevokedReason,
        _ when authentication.Properties?.Items.TryGetValue(".error_uri", out var uri) == true
            && uri?.EndsWith(OpenIddictNoLongerValid, StringComparison.Ordinal) == true =>
            ExpiresAt(authentication) < now ? TokenExpiredReason : TokenRevokedReason,
        _ => TokenInvalidReason,
    };

    // Read only to choose the reason: the token was already refused, and its content is never echoed.
    private static DateTimeOffset ExpiresAt(AuthenticateResult authentication) =>
        authentication.Properties?.GetTokenValue("access_token") is { } token && new JsonWebTokenHandler().CanReadToken(token)
            ? new JsonWebToken(token).ValidTo
            : DateTimeOffset.MaxValue;
}
