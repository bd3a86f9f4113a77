using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using HmisPlatform.Gateway.Domain;
using HmisPlatform.Gateway.Extensions;
using HmisPlatform.Gateway.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace HmisPlatform.Gateway.Staff;

/// <summary>
/// Sign-in for people, as plain server-rendered forms with antiforgery tokens: e-mail and password, then the
/// authenticator code where the role needs one (set up only on the invitation link's page, with the password), sign-out,
/// and changing one's password under the platform's policy. Every outcome is a security event.
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
        account.MapGet("/sign-in", (HttpContext http, IAntiforgery antiforgery, string? returnUrl) =>
            Page(http, antiforgery, "Sign in", SignInForm(returnUrl, error: null)));
        // Guessing is slowed per address here and stopped per account by the lockout.
        account.MapPost("/sign-in", SignInAsync).RequireRateLimiting(CallerRateLimits.Policy);
        account.MapPost("/sign-in/two-factor", TwoFactorAsync).RequireRateLimiting(CallerRateLimits.Policy);
        account.MapPost("/sign-out", SignOutAsync);
        account.MapGet("/set-password", async (HttpContext http, IAntiforgery antiforgery, UserManager<StaffUser> users, Guid? user, string? token) =>
            Page(http, antiforgery, "Set your password",
                SetPasswordForm(user, token, await AuthenticatorToSetUpAsync(users, await PersonAsync(users, user), token), error: null)));
        account.MapPost("/set-password", SetPasswordAsync).RequireRateLimiting(CallerRateLimits.Policy);
        account.MapGet("/password", (HttpContext http, IAntiforgery antiforgery) =>
            Page(http, antiforgery, "Change your password", PasswordForm(error: null))).RequireAuthorization();
        account.MapPost("/password", ChangePasswordAsync).RequireAuthorization();
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
        HttpContext http, IAntiforgery antiforgery, UserManager<StaffUser> users, SignInManager<StaffUser> signIn, SecurityAudit audit,
        [FromForm] string? email, [FromForm] string? password, [FromForm] string? returnUrl)
    {
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (user is null || !user.IsActive || string.IsNullOrEmpty(password))
        {
            // As long as checking a real password takes, so the answer's timing does not tell whether the account exists.
            users.PasswordHasher.VerifyHashedPassword(new StaffUser(), UnknownAccountHash, password ?? "");
            await audit.RecordAsync(SecurityEventKinds.SignInFailed, user?.Id.ToString(), SignInPath, detail: user is null ? "UNKNOWN_USER" : user.IsActive ? "NO_PASSWORD" : "DEACTIVATED");
            return Refused(http, antiforgery, StatusCodes.Status401Unauthorized, returnUrl, WrongCredentials);
        }
        var check = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            // The same answer as an unknown account's: a lockout must not confirm that the e-mail signs in here.
            await audit.RecordAsync(SecurityEventKinds.LockedOut, user.Id.ToString(), SignInPath, user.AgencyId);
            return Refused(http, antiforgery, StatusCodes.Status401Unauthorized, returnUrl, WrongCredentials);
        }
        if (!check.Succeeded)
        {
            await audit.RecordAsync(SecurityEventKinds.SignInFailed, user.Id.ToString(), SignInPath, user.AgencyId, "WRONG_PASSWORD");
            return Refused(http, antiforgery, StatusCodes.Status401Unauthorized, returnUrl, WrongCredentials);
        }
        if (user.TwoFactorEnabled)
        {
            // The password was right; the session waits for the second factor (Identity's two-factor cookie).
            await http.SignInAsync(IdentityConstants.TwoFactorUserIdScheme,
                new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user.Id.ToString())], IdentityConstants.TwoFactorUserIdScheme)));
            return Page(http, antiforgery, "Authenticator code", TwoFactorForm(returnUrl, error: null));
        }
        if (StaffRoles.RequiresTwoFactor(user.Role))
        {
            // An authenticator is set up only with the invitation link (proof of the mailbox), never on the password alone.
            await audit.RecordAsync(SecurityEventKinds.SignInFailed, user.Id.ToString(), SignInPath, user.AgencyId, "TOTP_NOT_ENROLLED");
            return Refused(http, antiforgery, StatusCodes.Status403Forbidden, returnUrl, NoAuthenticatorYet);
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
        HttpContext http, IAntiforgery antiforgery, SignInManager<StaffUser> signIn, SecurityAudit audit,
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
            return Refused(http, antiforgery, StatusCodes.Status401Unauthorized, returnUrl, WrongCredentials);
        }
        await audit.RecordAsync(SecurityEventKinds.SignInFailed, user.Id.ToString(), TwoFactorPath, user.AgencyId, "WRONG_TOTP");
        return Page(http, antiforgery, "Authenticator code", TwoFactorForm(returnUrl, "That code is not right. Try the current one."), StatusCodes.Status401Unauthorized);
    }

    private static async Task<IResult> SetPasswordAsync(
        HttpContext http, IAntiforgery antiforgery, UserManager<StaffUser> users, SecurityAudit audit,
        [FromForm] Guid? user, [FromForm] string? token, [FromForm] string? newPassword, [FromForm] string? code)
    {
        var person = await PersonAsync(users, user);
        var authenticator = await AuthenticatorToSetUpAsync(users, person, token);
        // The password is checked before the code, which works once: a refused password does not use it up.
        var passwordCheck = person is { IsActive: true } ? await CheckPasswordAsync(users, person, newPassword ?? "") : IdentityResult.Success;
        if (person is not null && authenticator is not null && passwordCheck.Succeeded
            && !await users.VerifyTwoFactorTokenAsync(person, users.Options.Tokens.AuthenticatorTokenProvider, AuthenticatorCode.Read(code) ?? ""))
        {
            // The link stays valid: the person tries the current code again.
            await users.AccessFailedAsync(person);
            await audit.RecordAsync(SecurityEventKinds.PasswordChangeRefused, person.Id.ToString(), SetPasswordPath, person.AgencyId, "WRONG_TOTP");
            return Page(http, antiforgery, "Set your password",
                SetPasswordForm(user, token, authenticator, "That code is not right. Check the key and try the current code."), StatusCodes.Status400BadRequest);
        }
        var result = person is { IsActive: true }
            ? passwordCheck.Succeeded ? await users.ResetPasswordAsync(person, token ?? "", newPassword ?? "") : passwordCheck
            : IdentityResult.Failed(new IdentityError { Code = "InvalidToken" });
        if (!result.Succeeded)
        {
            var reasons = string.Join(",", result.Errors.Select(e => e.Code));
            await audit.RecordAsync(SecurityEventKinds.PasswordChangeRefused, person?.Id.ToString(), SetPasswordPath, person?.AgencyId, reasons);
            var invalidLink = result.Errors.Any(e => e.Code == "InvalidToken");
            var page = Page(http, antiforgery, "Set your password",
                SetPasswordForm(user, token, authenticator, invalidLink
                    ? "This link is not valid any more. Ask the HMIS team for a new invitation."
                    : string.Join(" ", result.Errors.Select(e => e.Description))),
                StatusCodes.Status400BadRequest);
            http.Response.Headers["X-Refusal-Reasons"] = reasons;
            return page;
        }
        if (authenticator is not null)
        {
            await users.SetTwoFactorEnabledAsync(person!, true);
        }
        await audit.RecordAsync(SecurityEventKinds.PasswordSet, person!.Id.ToString(), SetPasswordPath, person.AgencyId, authenticator is null ? null : "TOTP_ENROLLED");
        return Results.Redirect(SignInPath);
    }

    /// <summary>
    /// The authenticator key a person sets up with their invitation link, when their role needs one and they have none
    /// yet: shown only to the holder of a valid link. Made once (without changing the security stamp, which the link
    /// is bound to) and kept until the person sets it up.
    /// </summary>
    private static async Task<string?> AuthenticatorToSetUpAsync(UserManager<StaffUser> users, StaffUser? person, string? token)
    {
        if (person is not { IsActive: true } || person.TwoFactorEnabled || !StaffRoles.RequiresTwoFactor(person.Role)
            || !await users.VerifyUserTokenAsync(person, users.Options.Tokens.PasswordResetTokenProvider, UserManager<StaffUser>.ResetPasswordTokenPurpose, token ?? ""))
        {
            return null;
        }
        var key = await users.GetAuthenticatorKeyAsync(person);
        if (string.IsNullOrEmpty(key))
        {
            key = users.GenerateNewAuthenticatorKey();
            await users.SetAuthenticationTokenAsync(person, "[AspNetUserStore]", "AuthenticatorKey", key);
        }
        return key;
    }

    /// <summary>The password policy's own answer (as the reset will give it), without the link or the code.</summary>
    private static async Task<IdentityResult> CheckPasswordAsync(UserManager<StaffUser> users, StaffUser person, string password)
    {
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, person, password);
            if (!result.Succeeded)
            {
                return result;
            }
        }
        return IdentityResult.Success;
    }

    private static async Task<StaffUser?> PersonAsync(UserManager<StaffUser> users, Guid? user) =>
        user is { } id ? await users.FindByIdAsync(id.ToString()) : null;

    private static string SetPasswordForm(Guid? user, string? token, string? authenticatorKey, string? error) => $"""
        <form class="card" method="post" action="{SetPasswordPath}">
          <h2>Set your password</h2>
          <p>At least {PasswordPolicy.MinimumLength.ToString(CultureInfo.InvariantCulture)} characters, with a letter and a number, and not a commonly breached password.</p>
          {ErrorLine(error)}
          <label for="newPassword">New password</label>
          <input id="newPassword" name="newPassword" type="password" autocomplete="new-password" required minlength="{PasswordPolicy.MinimumLength.ToString(CultureInfo.InvariantCulture)}">
          <input type="hidden" name="user" value="{E(user?.ToString())}">
          {AuthenticatorFields(authenticatorKey)}
          <input type="hidden" name="token" value="{E(token)}">
          <!--antiforgery-->
          <button type="submit">Set password</button>
        </form>
        """;

    private static async Task<IResult> ChangePasswordAsync(
        HttpContext http, IAntiforgery antiforgery, UserManager<StaffUser> users, SignInManager<StaffUser> signIn, SecurityAudit audit,
        [FromForm] string? currentPassword, [FromForm] string? newPassword)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is null)
        {
            return Results.Redirect(SignInPath);
        }
        // A wrong current password counts toward the lockout, as at sign-in: a session left open is no way to guess it.
        var current = await signIn.CheckPasswordSignInAsync(user, currentPassword ?? "", lockoutOnFailure: true);
        if (current.IsLockedOut)
        {
            await audit.RecordAsync(SecurityEventKinds.LockedOut, user.Id.ToString(), PasswordPath, user.AgencyId);
            await users.UpdateSecurityStampAsync(user);
            await signIn.SignOutAsync();
            return Results.Redirect(SignInPath);
        }
        var result = current.Succeeded
            ? await users.ChangePasswordAsync(user, currentPassword!, newPassword ?? "")
            : IdentityResult.Failed(new IdentityError { Code = "PasswordMismatch", Description = "The current password is not right." });
        if (!result.Succeeded)
        {
            var reasons = string.Join(",", result.Errors.Select(e => e.Code));
            await audit.RecordAsync(SecurityEventKinds.PasswordChangeRefused, user.Id.ToString(), PasswordPath, user.AgencyId, reasons);
            var page = Page(http, antiforgery, "Change your password",
                PasswordForm(string.Join(" ", result.Errors.Select(e => e.Code == "PasswordMismatch" ? "The current password is not right." : e.Description))),
                StatusCodes.Status400BadRequest);
            http.Response.Headers["X-Refusal-Reasons"] = reasons;
            return page;
        }
        await signIn.RefreshSignInAsync(user);
        await audit.RecordAsync(SecurityEventKinds.PasswordChanged, user.Id.ToString(), PasswordPath, user.AgencyId);
        return Results.Redirect("/");
    }

    private const string WrongCredentials =
        "The e-mail or password is not right, or too many attempts have locked the account for a while. Ask the HMIS team if you need help sooner.";

    private const string NoAuthenticatorYet =
        "Your role signs in with an authenticator app, which you set up with the link in your invitation e-mail. Ask the HMIS team for a new invitation if that link has expired.";

    /// <summary>A hash of no one's password, checked when the account is unknown (Identity's V3 format, 100,000 iterations).</summary>
    private static readonly string UnknownAccountHash = new PasswordHasher<StaffUser>().HashPassword(new StaffUser(), Guid.NewGuid().ToString());

    private static IResult Refused(HttpContext http, IAntiforgery antiforgery, int status, string? returnUrl, string error) =>
        Page(http, antiforgery, "Sign in", SignInForm(returnUrl, error), status);

    internal static string E(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    private static string ErrorLine(string? error) => error is null ? "" : $"<p class=\"error\" role=\"alert\">{E(error)}</p>";

    private static string SignInForm(string? returnUrl, string? error) => $"""
        <form class="card" method="post" action="{SignInPath}">
          <h2>Sign in</h2>
          {ErrorLine(error)}
          <label for="email">Work e-mail</label>
          <input id="email" name="email" type="email" autocomplete="username" required autofocus>
          <label for="password">Password</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required>
          <input type="hidden" name="returnUrl" value="{E(returnUrl)}">
          <!--antiforgery-->
          <button type="submit">Sign in</button>
        </form>
        """;

    private static string TwoFactorForm(string? returnUrl, string? error) => $"""
        <form class="card" method="post" action="{TwoFactorPath}">
          <h2>Authenticator code</h2>
          {ErrorLine(error)}
          <label for="code">The 6-digit code from your authenticator app</label>
          <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" required autofocus>
          <input type="hidden" name="returnUrl" value="{E(returnUrl)}">
          <!--antiforgery-->
          <button type="submit">Verify</button>
        </form>
        """;

    /// <summary>The set-up of the authenticator inside the invitation's form: the key, its link for apps, and the code.</summary>
    private static string AuthenticatorFields(string? key)
    {
        if (key is null)
        {
            return "";
        }
        var uri = $"otpauth://totp/{Uri.EscapeDataString(AuthenticatorIssuer)}?secret={key}&issuer={Uri.EscapeDataString(AuthenticatorIssuer)}&digits=6";
        return $"""
            <h3>Your authenticator</h3>
            <p>Your role signs in with a second factor. Add this key to an authenticator app, then enter the code it shows.</p>
            <p class="key" data-authenticator-key="{E(key)}">{E(string.Join(' ', Chunks(key, 4)))}</p>
            <p><a href="{E(uri)}">Open in an authenticator app</a></p>
            <label for="code">The 6-digit code</label>
            <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" required>
            """;
    }

    private static string PasswordForm(string? error) => $"""
        <form class="card" method="post" action="{PasswordPath}">
          <h2>Change your password</h2>
          <p>At least {PasswordPolicy.MinimumLength.ToString(CultureInfo.InvariantCulture)} characters, with a letter and a number, and not a commonly breached password.</p>
          {ErrorLine(error)}
          <label for="currentPassword">Current password</label>
          <input id="currentPassword" name="currentPassword" type="password" autocomplete="current-password" required>
          <label for="newPassword">New password</label>
          <input id="newPassword" name="newPassword" type="password" autocomplete="new-password" required minlength="{PasswordPolicy.MinimumLength.ToString(CultureInfo.InvariantCulture)}">
          <!--antiforgery-->
          <button type="submit">Change password</button>
        </form>
        """;

    private static IEnumerable<string> Chunks(string value, int size)
    {
        for (var i = 0; i < value.Length; i += size)
        {
            yield return value[i..Math.Min(value.Length, i + size)];
        }
    }

    /// <summary>A page of the sign-in family around one form; <c>&lt;!--antiforgery--&gt;</c> in the form becomes its token.</summary>
    internal static IResult Page(HttpContext http, IAntiforgery antiforgery, string title, string form, int status = StatusCodes.Status200OK)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var field = $"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">";
        var html = $"""
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>{E(title)} – HmisPlatform</title>
              <link rel="stylesheet" href="/css/site.css">
            </head>
            <body>
              <header><h1>HmisPlatform</h1></header>
              <main>
            {form.Replace("<!--antiforgery-->", field, StringComparison.Ordinal)}
              </main>
            </body>
            </html>
            """;
        http.Response.Headers.CacheControl = "no-store";
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
