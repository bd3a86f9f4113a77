using HmisPlatform.Gateway.Domain;
using Microsoft.AspNetCore.Identity;

namespace HmisPlatform.Gateway.Staff;

/// <summary>
/// Authenticator codes that work once (<see cref="AuthenticatorCode.AcceptedStep"/>): the step of the last code a person
/// used is kept with their account (beside their key, in Identity's token store) and a code of that step or an earlier
/// one is refused. Two sign-ins racing with one code are settled by the account's concurrency stamp: one of them fails.
/// Codes run on real time, as the person's phone does, whatever a test clock says.
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider : AuthenticatorTokenProvider<StaffUser>
{
    public const string ProviderName = "SingleUseAuthenticator";
    private const string LastStepToken = "LastAuthenticatorStep";
    private const string Store = "[AspNetUserStore]";

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<StaffUser> manager, StaffUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            return false;
        }
        var last = long.TryParse(await manager.GetAuthenticationTokenAsync(user, Store, LastStepToken), out var used) ? used : (long?)null;
        if (AuthenticatorCode.AcceptedStep(key, token, DateTimeOffset.UtcNow, last) is not { } step)
        {
            return false;
        }
        var recorded = await manager.SetAuthenticationTokenAsync(user, Store, LastStepToken, step.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return recorded.Succeeded;
    }
}
