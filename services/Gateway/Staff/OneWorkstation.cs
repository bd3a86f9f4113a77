using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HmisPlatform.Gateway.Staff;

/// <summary>
/// HUD's HMIS security standard (4.3.1): a person is signed in at one workstation at a time. Each sign-in starts a
/// session with an id of its own, carried in the session and kept with the person's account as their one current
/// session; signing in elsewhere replaces it, and the earlier session ends at its next request (an open page within
/// <see cref="Web.SessionRevalidation.Interval"/>). A refresh of the same session (a renewal, a changed password) keeps
/// the session it refreshes.
/// </summary>
public static class OneWorkstation
{
    public const string SessionClaim = "hmis_session";
    private const string Store = "[HmisSession]";
    private const string CurrentSession = "Current";

    /// <summary>At sign-in: a new session, now the person's only one.</summary>
    public static Task StartAsync(CookieSigningInContext context) =>
        context.Principal is { } session
            ? StartAsync(context.HttpContext.RequestServices.GetRequiredService<UserManager<StaffUser>>(), session)
            : Task.CompletedTask;

    /// <summary>Makes the session the person's current one, unless it is one already (a refresh of it).</summary>
    public static async Task StartAsync(UserManager<StaffUser> users, ClaimsPrincipal session)
    {
        if (session.Identity is not ClaimsIdentity identity || identity.HasClaim(c => c.Type == SessionClaim)
            || await users.GetUserAsync(session) is not { } person)
        {
            return;
        }
        var id = Guid.NewGuid().ToString("N");
        var kept = await users.SetAuthenticationTokenAsync(person, Store, CurrentSession, id);
        if (!kept.Succeeded)
        {
            throw new InvalidOperationException("The new session could not be kept with the account.");
        }
        identity.AddClaim(new Claim(SessionClaim, id));
    }

    /// <summary>Whether the session is the person's current one: no later sign-in replaced it.</summary>
    public static async Task<bool> IsCurrentAsync(UserManager<StaffUser> users, StaffUser person, ClaimsPrincipal session) =>
        session.FindFirst(SessionClaim)?.Value is { Length: > 0 } id
        && string.Equals(id, await users.GetAuthenticationTokenAsync(person, Store, CurrentSession), StringComparison.Ordinal);

    /// <summary>The security stamp check rebuilds the session's claims on each request; the session id stays.</summary>
    public static Task CarryOver(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(SessionClaim) is { } session && context.NewPrincipal?.Identity is ClaimsIdentity identity
            && !identity.HasClaim(c => c.Type == SessionClaim))
        {
            identity.AddClaim(new Claim(SessionClaim, session.Value));
        }
        return Task.CompletedTask;
    }
}

/// <summary>
/// Identity's security-stamp check, which runs on every request, also asks <see cref="OneWorkstation"/>: a session that a
/// later sign-in replaced fails it like one whose stamp changed, on the one read of the person the check makes anyway.
/// </summary>
public sealed class OneWorkstationStampValidator(
    IOptions<SecurityStampValidatorOptions> options, SignInManager<StaffUser> signInManager, ILoggerFactory logger)
    : SecurityStampValidator<StaffUser>(options, signInManager, logger)
{
    protected override async Task<StaffUser?> VerifySecurityStamp(ClaimsPrincipal? principal) =>
        await base.VerifySecurityStamp(principal) is { } person && principal is not null
            && await OneWorkstation.IsCurrentAsync(SignInManager.UserManager, person, principal)
            ? person
            : null;
}
