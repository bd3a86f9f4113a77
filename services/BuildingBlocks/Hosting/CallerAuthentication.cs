using Microsoft.IdentityModel.Tokens;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HmisPlatform.BuildingBlocks.Hosting;

/// <summary>
/// Every service validates the gateway's access tokens itself (issuer, audience, lifetime, signature, token type),
/// so a service reached directly, bypassing the gateway, refuses a call without a valid token. The keys come from
/// the gateway's discovery document (configuration <c>Auth:Authority</c>); a token of a client the gateway revoked is
/// refused as well (<see cref="RevokedClients"/>).
/// </summary>
public static class CallerAuthentication
{
    /// <summary>OpenIddict marks access tokens with this JWT type, so an identity token cannot pass for one.</summary>
    public const string AccessTokenType = "at+jwt";

    /// <summary>How far a token's times may be off the service's clock.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromSeconds(30);

    public static void AddCallerAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.Authority = builder.Configuration["Auth:Authority"];
                options.Audience = PlatformIdentity.Audience;
                // Token lifetimes run on real time, whatever the test clock says.
                options.TimeProvider = TimeProvider.System;
                // Local runs reach the gateway over loopback HTTP; anywhere else the authority is HTTPS.
                options.RequireHttpsMetadata = !builder.Environment.IsDevelopment();
                options.MapInboundClaims = false;
                if (PlatformTls.CertificateAuthority(builder.Configuration) is not null)
                {
                    options.BackchannelHttpHandler = PlatformTls.CreateHandler(builder.Configuration);
                }
                options.TokenValidationParameters.ValidTypes = [AccessTokenType];
                // The gateway signs with RSA (RS256) only; no other algorithm, however it is keyed, is taken. Services
                // and gateway share time sources closely enough for 30 seconds of skew (the default 5 minutes would
                // stretch a 5-minute person token to 10).
                options.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.RsaSha256];
                options.TokenValidationParameters.ClockSkew = MaxClockSkew;
                options.TokenValidationParameters.NameClaimType = "sub";
                // A revoked client's tokens stop here too, not only at the gateway: a service reached directly refuses them.
                options.Events = new JwtBearerEvents
                {
                    OnTokenValidated = context =>
                    {
                        if (context.HttpContext.RequestServices.GetRequiredService<RevokedClients>().IsRevoked(context.Principal!))
                        {
                            context.Fail(new ClientRevokedException());
                        }
                        return Task.CompletedTask;
                    },
                };
            });
        builder.Services.AddSingleton<RevokedClients>();
        builder.Services.AddHostedService(services => services.GetRequiredService<RevokedClients>());
        builder.RequireInProduction("Auth:Authority is not an HTTPS address: the keys that sign every token would come over plain HTTP.",
            configuration => ProductionReadiness.IsHttps(configuration["Auth:Authority"]));
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, GrpcAuthorizationResultHandler>();
        builder.Services.AddAuthorization(options =>
        {
            foreach (var scope in PlatformIdentity.Scopes)
            {
                options.AddPolicy(scope, policy => policy.RequireAuthenticatedUser().RequireAssertion(c => c.User.HasScope(scope)));
            }
            // The narrower scope, or the wider one that includes it.
            options.AddPolicy(PlatformIdentity.CredentialsActivate, policy => policy.RequireAuthenticatedUser().RequireAssertion(c =>
                c.User.HasScope(PlatformIdentity.CredentialsActivate) || c.User.HasScope(PlatformIdentity.CredentialsWrite)));
            // The scope alone is not enough: the import is the HMIS team's.
            options.AddPolicy(PlatformIdentity.DataImport, policy => policy.RequireAuthenticatedUser().RequireAssertion(c => c.User.ImportsData()));
            // The gateway's own identity, and no other, e-mails invitations.
            options.AddPolicy(PlatformIdentity.NotificationsSendInvitation, policy => policy.RequireAuthenticatedUser().RequireAssertion(c =>
                c.User.HasScope(PlatformIdentity.NotificationsSendInvitation)
                && c.User.FindFirst(PlatformIdentity.ClientIdClaim)?.Value == PlatformIdentity.GatewayClientId
                && c.User.FindFirst(PlatformIdentity.RoleClaim)?.Value == PlatformIdentity.PlatformServiceRole));
        });
    }
}
