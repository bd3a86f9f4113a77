using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HmisPlatform.Gateway.Staff;

/// <summary>The signed-in person's session carries the same claims a token does: subject, role and agency.</summary>
public sealed class StaffClaimsFactory(UserManager<StaffUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim("sub", user.Id.ToString()));
        identity.AddClaim(new Claim(PlatformIdentity.RoleClaim, user.Role));
        if (user.AgencyId is { } agency)
        {
            identity.AddClaim(new Claim(PlatformIdentity.AgencyClaim, agency.ToString()));
        }
        return identity;
    }
}
