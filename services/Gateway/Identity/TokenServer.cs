using System.Security.Claims;
using System.Text.Json;
using HmisPlatform.BuildingBlocks.Hosting;
using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.Gateway.Extensions;
using HmisPlatform.Gateway.Security;
using HmisPlatform.Gateway.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace HmisPlatform.Gateway.Identity;

/// <summary>
/// The gateway as the platform's OAuth 2.0 token server: agency systems get short-lived signed JWT access tokens
/// with the client-credentials grant, for their agency; a system acting for a person gets the person's own token
/// through the authorization code grant with PKCE, after the person signed in and consented
/// (<see cref="AuthorizationEndpoint"/>). The discovery document and keys are published for the services to validate them.
/// </summary>
public static class TokenServer
{
    public const string TokenPath = "/connect/token";
    public const string AuthorizePath = "/connect/authorize";

    public static void AddTokenServer(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<GatewayDbContext>(ResourceNames.GatewayDb,
            settings => settings.DisableRetry = true,
            options => options.UseSnakeCaseNamingConvention().UseOpenIddict());
        builder.AddPlatformDataProtection<GatewayDbContext>("HmisPlatform.Gateway");
        var issuer = builder.Configuration["Auth:Issuer"];
        var local = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing");

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<GatewayDbContext>())
            .AddServer(server =>
            {
                server.SetTokenEndpointUris(TokenPath.TrimStart('/'));
                server.SetAuthorizationEndpointUris(AuthorizePath.TrimStart('/'));
                server.AllowClientCredentialsFlow();
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                server.RegisterScopes([.. PlatformIdentity.Scopes]);
                server.AddEventHandler(TokenRefusalAudit.Descriptor);
                server.SetAccessTokenLifetime(builder.Configuration.GetValue<TimeSpan?>("Auth:AccessTokenLifetime") ?? TimeSpan.FromMinutes(15));
                // Services validate the JWT with the published signing keys alone.
                server.DisableAccessTokenEncryption();
                if (!string.IsNullOrEmpty(issuer))
                {
                    server.SetIssuer(new Uri(issuer));
                }
                server.AddSigningKeys(builder);
                var aspNetCore = server.UseAspNetCore().EnableTokenEndpointPassthrough().EnableAuthorizationEndpointPassthrough();
                if (local)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseAspNetCore();
                validation.AddAudiences(PlatformIdentity.Audience);
                // Every call checks the token's entry, so a revoked client's tokens fail from its next call on.
                validation.EnableTokenEntryValidation();
            });
        builder.Services.AddAuthorization(options => options.AddGatewayPolicies());
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditedAuthorizationResultHandler>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<SecurityAudit>();
        builder.Services.AddScoped<ClientRegistry>();
        builder.Services.AddHostedService<TokenPruning>();
        builder.Services.AddHostedService<PlatformServiceClients>();
        builder.RequireInProduction($"a secret under {PlatformServiceClients.Section} is shorter than {ProductionReadiness.MinimumSecretLength} characters or a demo secret.",
            configuration => configuration.GetSection(PlatformServiceClients.Section).GetChildren().All(c => ProductionReadiness.IsProductionSecret(c.Value)));
    }

    public static void MapTokenEndpoint(this WebApplication app) =>
        app.MapPost(TokenPath, IssueAsync).AllowAnonymous().RequireRateLimiting(CallerRateLimits.Policy);

    /// <summary>
    /// OpenIddict has authenticated the client and checked its scopes; this names the caller in the token: the
    /// client as subject, its agency or its role, the granted scopes, and the platform's API as audience.
    /// </summary>
    private static async Task<IResult> IssueAsync(
        HttpContext http, IOpenIddictApplicationManager applications, UserManager<StaffUser> people, SecurityAudit audit)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsAuthorizationCodeGrantType())
        {
            return await AuthorizationEndpoint.RedeemCodeAsync(http, request, people, audit);
        }
        if (!request.IsClientCredentialsGrantType())
        {
            return Results.Forbid(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }
        var client = await applications.FindByClientIdAsync(request.ClientId!) ?? throw new InvalidOperationException("The client vanished.");
        if (request.GetScopes().IsEmpty)
        {
            // A token with no scope would fail at its first call: say so now, with the scopes this client may ask for.
            var allowed = (await applications.GetPermissionsAsync(client))
                .Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
                .Select(p => p[Permissions.Prefixes.Scope.Length..]).Order(StringComparer.Ordinal);
            return AuthorizationEndpoint.Refuse(Errors.InvalidScope,
                $"Ask for the scopes your calls need, space-separated in 'scope'. This client may ask for: {string.Join(' ', allowed)}.");
        }
        var properties = await applications.GetPropertiesAsync(client);
        string? Property(string name) =>
            properties.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, request.ClientId);
        identity.SetClaim(PlatformIdentity.AgencyClaim, Property(AgencyClients.AgencyProperty));
        identity.SetClaim(PlatformIdentity.RoleClaim, Property(AgencyClients.RoleProperty));
        identity.SetScopes(request.GetScopes());
        identity.SetResources(PlatformIdentity.Audience);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        await audit.RecordAsync(SecurityEventKinds.TokenIssued, request.ClientId, request.ClientId,
            Guid.TryParse(Property(AgencyClients.AgencyProperty), out var agency) ? agency : null,
            string.Join(' ', request.GetScopes()), http.RequestAborted);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>The gateway's migration step: its schema, and the demo clients and people in Development.</summary>
    public static async Task<bool> RunMigrationIfRequestedAsync(this WebApplication app, string[] args) =>
        await app.RunIfRequestedAsync<GatewayDbContext>(args, (_, ct) => SeedDemoAsync(app.Services, ct));

    public static async Task SeedDemoAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await DemoClients.SeedAsync(scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>(), TimeProvider.System, cancellationToken);
        await DemoStaff.SeedAsync(scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>());
    }
}
