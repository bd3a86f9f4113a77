using Microsoft.AspNetCore.Authorization;

namespace HmisPlatform.Gateway.Security;

/// <summary>The gateway's own authorization policies, beyond "a valid token" for proxied calls.</summary>
public static class GatewayPolicies
{
    /// <summary>Only the HMIS team (its people and its systems) manages clients and staff accounts.</summary>
    public const string HmisTeam = "hmis-team";

    public static void AddGatewayPolicies(this AuthorizationOptions options) =>
        options.AddPolicy(HmisTeam, policy => policy.RequireAuthenticatedUser().RequireClaim(PlatformIdentity.RoleClaim, PlatformIdentity.HmisTeamRole));
}
