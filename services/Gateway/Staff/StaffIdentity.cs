using System.Globalization;
using HmisPlatform.BuildingBlocks.Grpc;
using HmisPlatform.BuildingBlocks.Hosting;
using HmisPlatform.Gateway.Domain;
using HmisPlatform.Gateway.Identity;
using HmisPlatform.Gateway.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Validation.AspNetCore;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace HmisPlatform.Gateway.Staff;

/// <summary>
/// People sign in with ASP.NET Core Identity in gatewaydb: HUD's password rule plus the breached list, lockout
/// after repeated failures, and TOTP for the HMIS and CE teams. A call with a bearer token is an agency system's;
/// a call with the session cookie is a person's, and the gateway swaps the cookie for a person token when it
/// forwards the call. The session is checked against the database on every request, so a deactivated person is
/// refused from their next call on.
/// </summary>
public static class StaffIdentity
{
    /// <summary>Chooses, per request, how the caller proves who they are.</summary>
    public const string CallerScheme = "caller";

    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
    private const string SignedInAtItem = ".hmis.signed_in_at";

    private static TimeProvider Clock(CookieAuthenticationOptions options) => options.TimeProvider ?? TimeProvider.System;

    public static void AddStaffIdentity(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(PasswordPolicy.Shipped);
        builder.Services.AddIdentity<StaffUser, IdentityRole<Guid>>(options =>
            {
                // The policy validator holds the rule (length, letter, digit, breached); Identity's own checks are off.
                options.Password.RequiredLength = PasswordPolicy.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedAttempts;
                options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                // The platform's own role claim, the one tokens carry, is what [Authorize(Roles = ...)] checks in the UI.
                options.ClaimsIdentity.RoleClaimType = PlatformIdentity.RoleClaim;
                options.Tokens.AuthenticatorTokenProvider = SingleUseAuthenticatorTokenProvider.ProviderName;
            })
            .AddEntityFrameworkStores<GatewayDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(SingleUseAuthenticatorTokenProvider.ProviderName)
            .AddPasswordValidator<PolicyPasswordValidator>()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>();
        // The stamp check of every request also holds a person to one workstation.
        builder.Services.AddScoped<ISecurityStampValidator, OneWorkstationStampValidator>();
        builder.Services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = TimeSpan.Zero;
            options.OnRefreshingPrincipal = OneWorkstation.CarryOver;
        });
        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "hmis.session";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            // Production sends the session cookie over HTTPS only; local runs and tests use plain HTTP.
            cookie.Cookie.SecurePolicy = GatewayTransport.CookiePolicy(builder.Environment);
            cookie.ExpireTimeSpan = SessionLimits.IdleTimeout;
            cookie.SlidingExpiration = true;
            // The session's start is kept in the (protected) cookie and outlives its renewals and refreshes; past the
            // absolute limit the person signs in again. Then the security stamp is checked, as Identity does.
            cookie.Events.OnSigningIn = async context =>
            {
                context.Properties.Items.TryAdd(SignedInAtItem, Clock(context.Options).GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
                await OneWorkstation.StartAsync(context);
            };
            cookie.Events.OnValidatePrincipal = async context =>
            {
                var signedInAt = context.Properties.Items.TryGetValue(SignedInAtItem, out var at)
                    && DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed) ? parsed : (DateTimeOffset?)null;
                if (!SessionLimits.MayContinue(signedInAt, Clock(context.Options).GetUtcNow()))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }
                await SecurityStampValidator.ValidatePrincipalAsync(context);
            };
            cookie.LoginPath = SignInPages.SignInPath;
            // A signed-in person on a page of another role is told so in words, not sent to sign in again.
            cookie.AccessDeniedPath = Web.WebUi.NotForYourRolePath;
        });
        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = CallerScheme;
                options.DefaultAuthenticateScheme = CallerScheme;
                options.DefaultChallengeScheme = CallerScheme;
                options.DefaultForbidScheme = CallerScheme;
            })
            .AddPolicyScheme(CallerScheme, "Bearer token or session", scheme => scheme.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.Count > 0
                    ? OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme
                    : IdentityConstants.ApplicationScheme);
        foreach (var scheme in new[] { IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.TwoFactorRememberMeScheme })
        {
            builder.Services.Configure<CookieAuthenticationOptions>(scheme, cookie => cookie.Cookie.SecurePolicy = GatewayTransport.CookiePolicy(builder.Environment));
        }
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "hmis.antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = GatewayTransport.CookiePolicy(builder.Environment);
            options.HeaderName = AntiforgeryHeader;
        });
        builder.Services.AddScoped<PersonTokens>();
        builder.Services.AddScoped<StaffInvitations>();
        builder.Services.AddScoped<AdministratorAppointments>();
        builder.AddInvitationMail();
    }

    /// <summary>Invitations go out through the Notifications service, called as the gateway itself.</summary>
    private static void AddInvitationMail(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IServiceTokenSource, GatewayServiceIdentity>();
        builder.Services.AddTransient<ServiceTokenHandler>();
        builder.Services.AddGrpcClient<Hmis.Notifications.V1.Invitations.InvitationsClient>(
                o => o.Address = PlatformTls.ServiceAddress(builder.Configuration, ResourceNames.NotificationsApi))
            .AddHttpMessageHandler<ServiceTokenHandler>();
        builder.Services.AddScoped<IInvitationMail, NotificationsInvitationMail>();
    }

    /// <summary>The header a signed-in person's page sends its antiforgery token in, for API calls that change something.</summary>
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";

    public const string ForgedSessionCallReason = "ANTIFORGERY_TOKEN_INVALID";

    /// <summary>Whether the request was authenticated by a person's session (not by a bearer token).</summary>
    public static bool IsPersonSession(HttpContext http) =>
        http.User.Identity is { IsAuthenticated: true, AuthenticationType: var type } && type == IdentityConstants.ApplicationScheme;

    /// <summary>
    /// For a person's session: refuses a call that changes something without the antiforgery token, and forwards
    /// the call with a person token instead of the cookie.
    /// </summary>
    public static void AddPersonTokenTransform(this TransformBuilderContext transforms) =>
        transforms.AddRequestTransform(context =>
        {
            var http = context.HttpContext;
            if (!IsPersonSession(http))
            {
                return ValueTask.CompletedTask;
            }
            var tokens = http.RequestServices.GetRequiredService<PersonTokens>();
            var requestBase = new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/");
            context.ProxyRequest.Headers.Authorization = new("Bearer", tokens.Issue(http.User, requestBase));
            context.ProxyRequest.Headers.Remove("Cookie");
            return ValueTask.CompletedTask;
        });

    /// <summary>
    /// A person's session may call the API, but a call that changes something must carry the antiforgery token,
    /// so another site cannot make the browser act for them.
    /// </summary>
    public static IApplicationBuilder UseSessionForgeryCheck(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            if ((GrpcRefusal.IsGrpc(http.Request) || GrpcRefusal.IsHttpJsonApi(http.Request)) && await SessionCallIsForgedAsync(http))
            {
                await http.RequestServices.GetRequiredService<SecurityAudit>().RecordAsync(SecurityEventKinds.PermissionDenied,
                    http.User.FindFirst("sub")?.Value, http.Request.Path, detail: ForgedSessionCallReason, cancellationToken: http.RequestAborted);
                await GrpcRefusal.WriteAsync(http.Response, global::Grpc.Core.StatusCode.PermissionDenied, "hmis.gateway", ForgedSessionCallReason,
                    "A call from a signed-in page must carry its antiforgery token.");
                return;
            }
            await next(http);
        });

    private static async Task<bool> SessionCallIsForgedAsync(HttpContext http) =>
        IsPersonSession(http) && !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
        && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http);
}
