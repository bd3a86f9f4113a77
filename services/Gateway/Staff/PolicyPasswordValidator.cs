using HmisPlatform.Gateway.Domain;
using Microsoft.AspNetCore.Identity;

namespace HmisPlatform.Gateway.Staff;

/// <summary>Identity's password check, by the platform's <see cref="PasswordPolicy"/>.</summary>
public sealed class PolicyPasswordValidator(PasswordPolicy policy) : IPasswordValidator<StaffUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password)
    {
        var problems = policy.Check(password ?? "", user.Email);
        return Task.FromResult(problems.Count == 0
            ? IdentityResult.Success
            : IdentityResult.Failed([.. problems.Select(p => new IdentityError { Code = p, Description = Describe(p) })]));
    }

    public static string Describe(string reason) => reason switch
    {
        PasswordPolicy.TooShortReason => $"Use at least {PasswordPolicy.MinimumLength} characters.",
        PasswordPolicy.LetterRequiredReason => "Include at least one letter.",
        PasswordPolicy.DigitRequiredReason => "Include at least one number.",
        PasswordPolicy.BreachedReason => "This password is on the list of common breached passwords; choose another.",
        PasswordPolicy.TooLongReason => $"Use at most {PasswordPolicy.MaximumLength} characters.",
        PasswordPolicy.ContextWordReason => "Leave out your name, your e-mail and the system's name (HMIS, Chicago).",
        _ => "The password is not acceptable.",
    };
}
