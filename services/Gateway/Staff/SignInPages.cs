using System.Security.Claims;
using HmisPlatform.Gateway.Domain;
using HmisPlatform.Gateway.Extensions;
using HmisPlatform.Gateway.Security;
using HmisPlatform.Gateway.Web.Account;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace HmisPlatform.Gateway.Staff;

/// <summary>
/// Sign-in for people, as plain forms with antiforgery tokens that these endpoints answer with Razor components rendered
/// on the server (<c>Web/Account</c>): e-mail and password, then the authenticator code where the role needs one (set up
/// only on the invitation link's page, with the password; see <see cref="PasswordPages"/>), and sign-out. Every outcome
/// is a security event.
/// </summary>
public static class SignInPages
{
    public const string SignInPath = "/account/sign-in";
    public const string TwoFactorPath = "/account/sign-in/two-factor";
    public const string SignOutPath = "/account/sign-out";
    public const string PasswordPath = "/account/password";
    public const string SessionPath = "/account/session";
    public const string AntiforgeryPath = "/account/antiforgery";
    public const string SetPasswordPath = "/account/set-password";

    public static string SetPasswordPathFor(Guid userId, string token) =>
        $"{SetPasswordPath}?user={userId}&token={Uri.EscapeDataString(token)}";

    /// <summary>The issuer name authenticator apps show next to the code.</summary>
    public const string AuthenticatorIssuer = "HmisPlatform";

    public static void MapSignInPages(this WebApplication app)
    {
        var account = app.MapGroup("/account");
        account.MapGet("/sign-in", (HttpContext http, string? returnUrl) => Page<SignInPage>(http, new { ReturnUrl = returnUrl }));
        // Guessing is slowed per address here and stopped per account by the lockout.
        account.MapPost("/sign-in", SignInAsync).RequireRateLimiting(CallerRateLimits.Policy);
        account.MapPost("/sign-in/two-factor", TwoFactorAsync).RequireRateLimiting(CallerRateLimits.Policy);
        account.MapPost("/sign-out", SignOutAsync);
        account.MapPasswordPages();
        account.MapGet("/session", (ClaimsPrincipal user) => Results.Json(new
        {
            userId = user.FindFirst("sub")?.Value,
            role = user.FindFirst(PlatformIdentity.RoleClaim)?.Value,
            agencyId = user.FindFirst(PlatformIdentity.AgencyClaim)?.Value,
        })).RequireAuthorization();
        account.MapGet("/antiforgery", (HttpContext http, IAntiforgery antiforgery) =>
            Results.Json(new { headerName = StaffIdentity.AntiforgeryHeader, token = antiforgery.GetAndStoreTokens(http).RequestToken }))
            .RequireAuthorization();
    }

    private static async Task<IResult> SignInAsync(
        HttpContext http, UserManager<StaffUser> users, SignInManager<StaffUser> signIn, SecurityAudit audit,
        [FromForm] string? email, [FromForm] string? password, [FromForm] string? returnUrl)
    {
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (user is null || !user.IsActive || string.IsNullOrEmpty(password))
        {
            // As long as checking a real password takes, so the answer's timing does not tell whether the account exists.
            users.PasswordHasher.VerifyHashedPassword(new StaffUser(), UnknownAccountHash, password ?? "");
            await audit.RecordAsync(SecurityEventKinds.SignInFailed, user?.Id.ToString(), SignInPath, detail: user is null ? "UNKNOWN_USER" : user.IsActive ? "NO_PASSWORD" : "DEACTIVATED");
            return Refused(http, StatusCodes.Status401Unauthorized, returnUrl, WrongCredentials);
        }
        var check = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            // The same answer as an unknown account's: a lockout must not confirm that the e-mail signs in here.
            await audit.RecordAsync(SecurityEventKinds.LockedOut, user.Id.ToString(), SignInPath, user.AgencyId);
            return Refused(http, StatusCodes.Status401Unauthorized, returnUrl, WrongCredentials);
        }
        if (!check.Succeeded)
        {
            await audit.RecordAsync(SecurityEventKinds.SignInFailed, user.Id.ToString(), SignInPath, user.AgencyId, "WRONG_PASSWORD");
            return Refused(http, StatusCodes.Status401Unauthorized, returnUrl, WrongCredentials);
        }
        if (user.TwoFactorEnabled)
        {
            // The password was right; the session waits for the second factor (Identity's two-factor cookie).
            await http.SignInAsync(IdentityConstants.TwoFactorUserIdScheme,
                new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user.Id.ToString())], IdentityConstants.TwoFactorUserIdScheme)));
            return Page<TwoFactorPage>(http, new { ReturnUrl = returnUrl });
        }
        if (StaffRoles.RequiresTwoFactor(user.Role))
        {
            // An authenticator is set up only with the invitation link (proof of the mailbox), never on the password alone.
            await audit.RecordAsync(SecurityEventKinds.SignInFailed, user.Id.ToString(), SignInPath, user.AgencyId, "TOTP_NOT_ENROLLED");
            return Refused(http, StatusCodes.Status403Forbidden, returnUrl, NoAuthenticatorYet);
        }
        await signIn.SignInAsync(user, isPersistent: false);
        await audit.RecordAsync(SecurityEventKinds.SignInSucceeded, user.Id.ToString(), SignInPath, user.AgencyId);
        return Results.Redirect(ReturnUrl.LocalOrHome(returnUrl));
    }

    /// <summary>
    /// Ends the session for good: the person's security stamp changes, so the session cookie (and any copy of it) is
    /// refused from the next request, as are their open pages' calls. Only the site's own form may sign someone out.
    /// </summary>
    private static async Task<IResult> SignOutAsync(HttpContext http, IAntiforgery antiforgery, UserManager<StaffUser> users, SignInManager<StaffUser> signIn, SecurityAudit audit)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Results.BadRequest();
        }
        if (await users.GetUserAsync(http.User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
            await audit.RecordAsync(SecurityEventKinds.SignedOut, user.Id.ToString(), SignOutPath, user.AgencyId);
        }
        await signIn.SignOutAsync();
        return Results.Redirect(SignInPath, permanent: false, preserveMethod: false);
    }

    private static async Task<IResult> TwoFactorAsync(
        HttpContext http, SignInManager<StaffUser> signIn, SecurityAudit audit,
        [FromForm] string? code, [FromForm] string? returnUrl)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null || !user.IsActive)
        {
            return Results.Redirect(SignInPath);
        }
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(AuthenticatorCode.Read(code) ?? "", isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await audit.RecordAsync(SecurityEventKinds.SignInSucceeded, user.Id.ToString(), TwoFactorPath, user.AgencyId, "TOTP");
            return Results.Redirect(ReturnUrl.LocalOrHome(returnUrl));
        }
        if (result.IsLockedOut)
        {
            await audit.RecordAsync(SecurityEventKinds.LockedOut, user.Id.ToString(), TwoFactorPath, user.AgencyId);
            return Refused(http, StatusCodes.Status401Unauthorized, returnUrl, WrongCredentials);
        }
        await audit.RecordAsync(SecurityEventKinds.SignInFailed, user.Id.ToString(), TwoFactorPath, user.AgencyId, "WRONG_TOTP");
        return Page<TwoFactorPage>(http, new { ReturnUrl = returnUrl, Error = "That code is not right. Try the current one." }, StatusCodes.Status401Unauthorized);
    }

    private const string WrongCredentials =
        "The e-mail or password is not right, or too many attempts have locked the account for a while. Ask the HMIS team if you need help sooner.";

    private const string NoAuthenticatorYet =
        "Your role signs in with an authenticator app, which you set up with the link in your invitation e-mail. Ask the HMIS team for a new invitation if that link has expired.";

    /// <summary>A hash of no one's password, checked when the account is unknown (Identity's V3 format, 100,000 iterations).</summary>
    private static readonly string UnknownAccountHash = new PasswordHasher<StaffUser>().HashPassword(new StaffUser(), Guid.NewGuid().ToString());

    private static IResult Refused(HttpContext http, int status, string? returnUrl, string error) =>
        Page<SignInPage>(http, new { ReturnUrl = returnUrl, Error = error }, status);

    /// <summary>A page of the sign-in family (<c>Web/Account</c>), never kept in a cache.</summary>
    internal static IResult Page<TPage>(HttpContext http, object? parameters = null, int status = StatusCodes.Status200OK) where TPage : IComponent
    {
        http.Response.Headers.CacheControl = "no-store";
        var page = parameters is null ? new RazorComponentResult<TPage>() : new RazorComponentResult<TPage>(parameters);
        page.StatusCode = status;
        return page;
    }
}
