using System.Security.Claims;
using Grpc.Core;
using HmisPlatform.Gateway.Staff;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace HmisPlatform.Gateway.Web;

/// <summary>
/// The signed-in person's calls to the services from a page: each carries a fresh person token (their subject, role,
/// agency and scopes), made only after the session was checked against the database, as the gateway does for
/// every proxied call; a deactivated person's next call has none. A page and its components load at once, so each
/// check reads the database in a scope of its own, never through the circuit's shared DbContext.
/// </summary>
public sealed class PlatformCalls(AuthenticationStateProvider authentication, PersonTokens tokens, IServiceScopeFactory scopes, NavigationManager navigation)
{
    public async Task<ClaimsPrincipal> PersonAsync() => (await authentication.GetAuthenticationStateAsync()).User;

    /// <summary>
    /// The signed-in person, once their session was checked against the database (active, same security stamp): what a
    /// page acts as when it changes something in the gateway itself, as when it calls a service.
    /// </summary>
    public async Task<ClaimsPrincipal> CurrentPersonAsync()
    {
        var person = await PersonAsync();
        await using var scope = scopes.CreateAsyncScope();
        if (!await SessionRevalidation.IsCurrentAsync(scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>(), person))
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "The session has ended; sign in again."));
        }
        return person;
    }

    /// <summary>Call options for one call as the signed-in person, with a deadline.</summary>
    public async Task<CallOptions> AsPersonAsync(CancellationToken cancellationToken = default)
    {
        var person = await CurrentPersonAsync();
        var token = tokens.Issue(person, new Uri(navigation.BaseUri));
        return new CallOptions(new Metadata { { "authorization", $"Bearer {token}" } }, DateTime.UtcNow + WebUi.CallTimeout, cancellationToken);
    }
}
