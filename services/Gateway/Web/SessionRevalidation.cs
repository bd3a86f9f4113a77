using System.Security.Claims;
using HmisPlatform.Gateway.Staff;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;

namespace HmisPlatform.Gateway.Web;

/// <summary>
/// An open page (a Blazor circuit) outlives the request that opened it, so its session is checked again every minute,
/// as each request's is: a person signed out elsewhere, signed in at another workstation, deactivated, or whose security stamp changed loses the page's
/// signed-in state and is sent to sign in. Each check reads the database in a scope of its own.
/// </summary>
public sealed class SessionRevalidation(ILoggerFactory loggerFactory, IServiceScopeFactory scopes)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override TimeSpan RevalidationInterval => Interval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await IsCurrentAsync(scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>(), authenticationState.User);
    }

    /// <summary>Whether the person's session still stands: they exist, are active, and their security stamp is the one signed in with.</summary>
    public static async Task<bool> IsCurrentAsync(UserManager<StaffUser> users, ClaimsPrincipal person)
    {
        if (person.Identity?.IsAuthenticated != true || await users.GetUserAsync(person) is not { IsActive: true } user)
        {
            return false;
        }
        var stamp = person.FindFirst(users.Options.ClaimsIdentity.SecurityStampClaimType)?.Value;
        return stamp is not null && stamp == await users.GetSecurityStampAsync(user) && await OneWorkstation.IsCurrentAsync(users, user, person);
    }
}
