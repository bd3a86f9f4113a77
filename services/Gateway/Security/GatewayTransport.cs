using System.Net;
using HmisPlatform.BuildingBlocks.Hosting;
using Microsoft.AspNetCore.HttpOverrides;

namespace HmisPlatform.Gateway.Security;

/// <summary>
/// How the gateway keeps people's traffic encrypted. In Production it listens on HTTPS itself, or sits behind a
/// trusted proxy that ends TLS (<c>ForwardedHeaders:KnownProxies</c>, addresses separated by <c>;</c>, or
/// <c>ForwardedHeaders:KnownNetworks</c>, CIDR ranges): only that proxy's <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> are believed. Plain-HTTP pages redirect to HTTPS, HTTPS answers carry HSTS, and the
/// session, two-factor and antiforgery cookies are <c>Secure</c>. Health probes answer on plain HTTP (the
/// orchestrator's probes reach the pod directly). Production refuses to start listening on plain HTTP with no
/// trusted proxy in front, or with an issuer that is not HTTPS.
/// </summary>
public static class GatewayTransport
{
    public const string KnownProxiesSetting = "ForwardedHeaders:KnownProxies";
    public const string KnownNetworksSetting = "ForwardedHeaders:KnownNetworks";

    /// <summary>How long browsers keep to HTTPS for the gateway's host once told.</summary>
    public static readonly TimeSpan StrictTransportSecurityMaxAge = TimeSpan.FromDays(365);

    public static void AddGatewayTransport(this IHostApplicationBuilder builder)
    {
        var proxies = List(builder.Configuration[KnownProxiesSetting]);
        var networks = List(builder.Configuration[KnownNetworksSetting]);
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the configured proxies are believed; the loopback default is cleared with them.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        builder.Services.AddHsts(hsts =>
        {
            hsts.MaxAge = StrictTransportSecurityMaxAge;
            hsts.IncludeSubDomains = true;
            // Only for HTTPS answers; the default also leaves out localhost, which a production gateway is not reached as.
            hsts.ExcludedHosts.Clear();
        });
        // Behind the proxy (or on its own HTTPS endpoint) people reach the gateway on 443 unless https_port says otherwise.
        builder.Services.AddHttpsRedirection(https => https.HttpsPort = builder.Configuration.GetValue<int?>("https_port") ?? 443);
        builder.RequireInProduction(
            $"the gateway listens on plain HTTP with no trusted proxy in front: serve HTTPS (Kestrel:Endpoints) or name the proxy that ends TLS ({KnownProxiesSetting} or {KnownNetworksSetting}).",
            configuration => HasTrustedProxy(configuration) || ProductionReadiness.ListenUrls(configuration).All(ProductionReadiness.IsHttps));
        builder.RequireInProduction("Auth:Issuer is not an HTTPS address.", configuration => ProductionReadiness.IsHttps(configuration["Auth:Issuer"]));
    }

    /// <summary>Forwarded headers from the trusted proxy first, then HTTPS only (Production).</summary>
    public static void UseGatewayTransport(this WebApplication app)
    {
        if (HasTrustedProxy(app.Configuration))
        {
            app.UseForwardedHeaders();
        }
        if (!app.Environment.IsDeployed())
        {
            return;
        }
        app.UseHsts();
        app.UseWhen(http => !IsHealthProbe(http.Request.Path), https => https.UseHttpsRedirection());
    }

    /// <summary>The cookie policy of Production (HTTPS only) and of local runs and tests (as the request came).</summary>
    public static CookieSecurePolicy CookiePolicy(IHostEnvironment environment) =>
        environment.IsDeployed() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

    private static bool IsHealthProbe(PathString path) =>
        path.StartsWithSegments(Microsoft.Extensions.Hosting.Extensions.HealthPath) || path.StartsWithSegments(Microsoft.Extensions.Hosting.Extensions.AlivePath);

    private static bool HasTrustedProxy(IConfiguration configuration) =>
        List(configuration[KnownProxiesSetting]).Length > 0 || List(configuration[KnownNetworksSetting]).Length > 0;

    private static string[] List(string? value) =>
        (value ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
