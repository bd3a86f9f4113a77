using Microsoft.IdentityModel.Tokens;

namespace HmisPlatform.BuildingBlocks.Hosting;

/// <summary>The reasons a service gives when it refuses a call for its token. The token itself is never echoed.</summary>
public static class AuthenticationStatus
{
    public const string Domain = "hmis.auth";
    public const string TokenMissingReason = "TOKEN_MISSING";
    public const string TokenExpiredReason = "TOKEN_EXPIRED";
    public const string TokenInvalidReason = "TOKEN_INVALID";
    public const string ScopeMissingReason = "SCOPE_MISSING";

    public static string ReasonFor(Exception? failure) => failure switch
    {
        null => TokenMissingReason,
        SecurityTokenExpiredException => TokenExpiredReason,
        _ => TokenInvalidReason,
    };
}
