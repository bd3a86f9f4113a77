using Microsoft.AspNetCore.Authorization;

namespace HmisPlatform.Gateway.Security;

/// <summary>The gateway's own authorization policies, beyond "a valid token" for proxied calls.</summary>
public static class GatewayPolicies
{
    /// <summary>Only the HMIS team (its people and its systems) manages clients and staff accounts.</summary>
    public const string HmisTeam = "hmis-team";

    /// <summary>Who invites people to sign in: the HMIS team, and the platform's service that gives trainees theirs.</summary>
    public const string InvitesPeople = "invites-people";

    /// <summary>The go-live import: the HMIS team with the import scope.</summary>
    public const string ImportsData = "imports-data";

    public static void AddGatewayPolicies(this AuthorizationOptions options)
    {
        options.AddPolicy(HmisTeam, policy => policy.RequireAuthenticatedUser().RequireClaim(PlatformIdentity.RoleClaim, PlatformIdentity.HmisTeamRole));
        options.AddPolicy(ImportsData, policy => policy.RequireAuthenticatedUser().RequireAssertion(c => c.User.ImportsData()));
        options.AddPolicy(InvitesPeople, policy => policy.RequireAuthenticatedUser().RequireAssertion(c =>
            c.User.HasClaim(PlatformIdentity.RoleClaim, PlatformIdentity.HmisTeamRole) || c.User.HasScope(PlatformIdentity.StaffInviteTrainee)));
    }
}
