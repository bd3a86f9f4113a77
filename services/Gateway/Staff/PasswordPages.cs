using HmisPlatform.Gateway.Domain;
using HmisPlatform.Gateway.Extensions;
using HmisPlatform.Gateway.Security;
using HmisPlatform.Gateway.Web.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace HmisPlatform.Gateway.Staff;

/// <summary>
/// A person's password: the first one, set with the invitation link (with the authenticator their role needs, set up
/// on the same page), and changing it when signed in, both under the platform's policy. Every outcome is a security event.
/// </summary>
public static class PasswordPages
{
    public static void MapPasswordPages(this RouteGroupBuilder account)
    {
        account.MapGet("/set-password", async (HttpContext http, UserManager<StaffUser> users, Guid? user, string? token) =>
            SignInPages.Page<SetPasswordPage>(http,
                new { User = user, Token = token, AuthenticatorKey = await AuthenticatorToSetUpAsync(users, await PersonAsync(users, user), token) }));
        account.MapPost("/set-password", SetPasswordAsync).RequireRateLimiting(CallerRateLimits.Policy);
        account.MapGet("/password", (HttpContext http) => SignInPages.Page<PasswordPage>(http)).RequireAuthorization();
        account.MapPost("/password", ChangePasswordAsync).RequireAuthorization();
    }

    private static async Task<IResult> SetPasswordAsync(
        HttpContext http, UserManager<StaffUser> users, SecurityAudit audit,
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
            await audit.RecordAsync(SecurityEventKinds.PasswordChangeRefused, person.Id.ToString(), SignInPages.SetPasswordPath, person.AgencyId, "WRONG_TOTP");
            return SignInPages.Page<SetPasswordPage>(http,
                new { User = user, Token = token, AuthenticatorKey = authenticator, Error = "That code is not right. Check the key and try the current code." },
                StatusCodes.Status400BadRequest);
        }
        var result = person is { IsActive: true }
            ? passwordCheck.Succeeded ? await users.ResetPasswordAsync(person, token ?? "", newPassword ?? "") : passwordCheck
            : IdentityResult.Failed(new IdentityError { Code = "InvalidToken" });
        if (!result.Succeeded)
        {
            var reasons = string.Join(",", result.Errors.Select(e => e.Code));
            await audit.RecordAsync(SecurityEventKinds.PasswordChangeRefused, person?.Id.ToString(), SignInPages.SetPasswordPath, person?.AgencyId, reasons);
            var error = result.Errors.Any(e => e.Code == "InvalidToken")
                ? "This link is not valid any more. Ask the HMIS team for a new invitation."
                : string.Join(" ", result.Errors.Select(e => e.Description));
            http.Response.Headers["X-Refusal-Reasons"] = reasons;
            return SignInPages.Page<SetPasswordPage>(http,
                new { User = user, Token = token, AuthenticatorKey = authenticator, Error = error }, StatusCodes.Status400BadRequest);
        }
        if (authenticator is not null)
        {
            await users.SetTwoFactorEnabledAsync(person!, true);
        }
        await audit.RecordAsync(SecurityEventKinds.PasswordSet, person!.Id.ToString(), SignInPages.SetPasswordPath, person.AgencyId, authenticator is null ? null : "TOTP_ENROLLED");
        return Results.Redirect(SignInPages.SignInPath);
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

    private static async Task<IResult> ChangePasswordAsync(
        HttpContext http, UserManager<StaffUser> users, SignInManager<StaffUser> signIn, SecurityAudit audit,
        [FromForm] string? currentPassword, [FromForm] string? newPassword)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is null)
        {
            return Results.Redirect(SignInPages.SignInPath);
        }
        // A wrong current password counts toward the lockout, as at sign-in: a session left open is no way to guess it.
        var current = await signIn.CheckPasswordSignInAsync(user, currentPassword ?? "", lockoutOnFailure: true);
        if (current.IsLockedOut)
        {
            await audit.RecordAsync(SecurityEventKinds.LockedOut, user.Id.ToString(), SignInPages.PasswordPath, user.AgencyId);
            await users.UpdateSecurityStampAsync(user);
            await signIn.SignOutAsync();
            return Results.Redirect(SignInPages.SignInPath);
        }
        var result = current.Succeeded
            ? await users.ChangePasswordAsync(user, currentPassword!, newPassword ?? "")
            : IdentityResult.Failed(new IdentityError { Code = "PasswordMismatch", Description = "The current password is not right." });
        if (!result.Succeeded)
        {
            var reasons = string.Join(",", result.Errors.Select(e => e.Code));
            await audit.RecordAsync(SecurityEventKinds.PasswordChangeRefused, user.Id.ToString(), SignInPages.PasswordPath, user.AgencyId, reasons);
            var error = string.Join(" ", result.Errors.Select(e => e.Code == "PasswordMismatch" ? "The current password is not right." : e.Description));
            http.Response.Headers["X-Refusal-Reasons"] = reasons;
            return SignInPages.Page<PasswordPage>(http, new { Error = error }, StatusCodes.Status400BadRequest);
        }
        await signIn.RefreshSignInAsync(user);
        await audit.RecordAsync(SecurityEventKinds.PasswordChanged, user.Id.ToString(), SignInPages.PasswordPath, user.AgencyId);
        return Results.Redirect("/");
    }
}
