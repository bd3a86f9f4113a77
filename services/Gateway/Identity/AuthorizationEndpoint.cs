using System.Security.Claims;
using System.Text.Json;
using HmisPlatform.Gateway.Domain;
using HmisPlatform.Gateway.Extensions;
using HmisPlatform.Gateway.Security;
using HmisPlatform.Gateway.Staff;
using HmisPlatform.Gateway.Web.Account;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace HmisPlatform.Gateway.Identity;

/// <summary>
/// An agency's system acting for a person (OAuth 2.0 authorization code with PKCE): the person signs in at the gateway
/// as they do for the web UI, sees which system asks to act as them and for what, and allows or denies it. The token
/// the system gets then names the person (subject, role, agency) and carries only scopes both the system and the
/// person's role hold, so the services let it do that person's own steps and nothing more. A system acts only for
/// people of its own agency.
/// </summary>
public static class AuthorizationEndpoint
{
    public const string DecisionField = "decision";
    public const string Allow = "allow";
    public const string NotOfTheAgencyReason = "PERSON_NOT_OF_CLIENT_AGENCY";

    public static void MapAuthorizationEndpoint(this WebApplication app) =>
        app.MapMethods(TokenServer.AuthorizePath, [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync)
            .AllowAnonymous().RequireRateLimiting(CallerRateLimits.Policy);

    private static async Task<IResult> AuthorizeAsync(
        HttpContext http, IOpenIddictApplicationManager applications, UserManager<StaffUser> people, IAntiforgery antiforgery, SecurityAudit audit)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        // The person signs in first, and comes back to this same request.
        var session = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!session.Succeeded || await people.GetUserAsync(session.Principal) is not { IsActive: true } person)
        {
            var back = $"{http.Request.PathBase}{http.Request.Path}{QueryString.Create(request.GetParameters().Select(p => KeyValuePair.Create(p.Key, (string?)p.Value)))}";
            return Results.Challenge(new AuthenticationProperties { RedirectUri = back }, [IdentityConstants.ApplicationScheme]);
        }
        var client = await applications.FindByClientIdAsync(request.ClientId!) ?? throw new InvalidOperationException("The client vanished.");
        var properties = await applications.GetPropertiesAsync(client);
        var clientAgency = properties.TryGetValue(AgencyClients.AgencyProperty, out var agency) && agency.ValueKind == JsonValueKind.String ? agency.GetString() : null;
        if (person.AgencyId is null || clientAgency != person.AgencyId.ToString())
        {
            await audit.RecordAsync(SecurityEventKinds.PermissionDenied, person.Id.ToString(), request.ClientId, person.AgencyId, NotOfTheAgencyReason, http.RequestAborted);
            return Refuse(Errors.AccessDenied, "This system acts only for people of its own agency.");
        }
        // Only what both the system may ask for (OpenIddict checked that) and the person's role holds.
        var scopes = request.GetScopes().Intersect(StaffRoles.ScopesOf(person.Role), StringComparer.Ordinal).ToList();
        var clientName = await applications.GetDisplayNameAsync(client) ?? request.ClientId!;
        if (HttpMethods.IsGet(http.Request.Method))
        {
            return SignInPages.Page<ConsentPage>(http, new
            {
                ClientName = clientName,
                Email = person.Email ?? "",
                Scopes = scopes,
                Request = request.GetParameters().Select(p => KeyValuePair.Create(p.Key, (string?)p.Value)).ToList(),
            });
        }
        await antiforgery.ValidateRequestAsync(http);
        if (http.Request.Form[DecisionField] != Allow)
        {
            await audit.RecordAsync(SecurityEventKinds.ConsentRefused, person.Id.ToString(), request.ClientId, person.AgencyId, cancellationToken: http.RequestAborted);
            return Refuse(Errors.AccessDenied, "The person did not allow it.");
        }
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, person.Id.ToString());
        identity.SetClaim(PlatformIdentity.RoleClaim, person.Role);
        identity.SetClaim(PlatformIdentity.AgencyClaim, person.AgencyId.ToString());
        identity.SetClaim(PlatformIdentity.ClientIdClaim, request.ClientId);
        identity.SetScopes(scopes);
        identity.SetResources(PlatformIdentity.Audience);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        await audit.RecordAsync(SecurityEventKinds.ConsentGiven, person.Id.ToString(), request.ClientId, person.AgencyId, string.Join(' ', scopes), http.RequestAborted);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>The token endpoint's half: the code becomes the person's token, if they can still sign in.</summary>
    public static async Task<IResult> RedeemCodeAsync(HttpContext http, OpenIddictRequest request, UserManager<StaffUser> people, SecurityAudit audit)
    {
        var principal = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal
            ?? throw new InvalidOperationException("OpenIddict validated the code but gave no principal.");
        var person = await people.FindByIdAsync(principal.GetClaim(Claims.Subject) ?? "");
        if (person is not { IsActive: true })
        {
            return Refuse(Errors.InvalidGrant, "The person can no longer sign in.");
        }
        await audit.RecordAsync(SecurityEventKinds.TokenIssued, person.Id.ToString(), request.ClientId, person.AgencyId,
            string.Join(' ', principal.GetScopes()), http.RequestAborted);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>An OAuth error answer (RFC 6749 5.2) from the token or authorization endpoint.</summary>
    internal static IResult Refuse(string error, string description) =>
        Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
