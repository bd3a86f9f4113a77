using HmisPlatform.BuildingBlocks.Grpc;

namespace HmisPlatform.Gateway.Security;

/// <summary>
/// What every answer of the gateway carries for browsers: no sniffing, no framing, no referrer leaks, and a content
/// security policy that allows only the gateway's own scripts and styles. No CORS policy is configured, so no
/// other origin may call the API from a browser.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
        "frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    /// <summary>How long browsers keep to HTTPS for the gateway's host once told (Production, over HTTPS).</summary>
    public static readonly TimeSpan StrictTransportSecurityMaxAge = TimeSpan.FromDays(365);

    /// <summary>In Production, browsers are told to use HTTPS only (HSTS, on every HTTPS answer, sub-domains included).</summary>
    public static void AddStrictTransportSecurity(this IHostApplicationBuilder builder) =>
        builder.Services.AddHsts(hsts =>
        {
            hsts.MaxAge = StrictTransportSecurityMaxAge;
            hsts.IncludeSubDomains = true;
            // Only for HTTPS answers; the default also leaves out localhost, which a production gateway is not reached as.
            hsts.ExcludedHosts.Clear();
        });

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                if (!GrpcRefusal.IsGrpc(http.Request))
                {
                    headers.ContentSecurityPolicy = ContentSecurityPolicy;
                }
                return Task.CompletedTask;
            });
            return next(http);
        });
}
