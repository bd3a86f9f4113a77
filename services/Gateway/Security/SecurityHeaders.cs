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
