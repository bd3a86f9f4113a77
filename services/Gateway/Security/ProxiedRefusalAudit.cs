using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace HmisPlatform.Gateway.Security;

/// <summary>
/// Records in the security audit each PERMISSION_DENIED a service answers to a proxied call, whether the service
/// sent it in the headers (a trailers-only answer) or in the trailers.
/// </summary>
public static class ProxiedRefusalAudit
{
    private const string PermissionDenied = "7";

    public static void AddProxiedRefusalAudit(this TransformBuilderContext transforms)
    {
        transforms.AddResponseTransform(context =>
            context.ProxyResponse is not null && Refused(context.HttpContext.Response.Headers)
                ? RecordAsync(context.HttpContext)
                : ValueTask.CompletedTask);
        transforms.AddResponseTrailersTransform(context =>
            Refused(context.HttpContext.Response.GetTrailers()) ? RecordAsync(context.HttpContext) : ValueTask.CompletedTask);
    }

    private static bool Refused(IHeaderDictionary headers) => headers.TryGetValue("grpc-status", out var status) && status == PermissionDenied;

    private static IHeaderDictionary GetTrailers(this HttpResponse response) =>
        response.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseTrailersFeature>()?.Trailers ?? new HeaderDictionary();

    private static async ValueTask RecordAsync(HttpContext http) =>
        await http.RequestServices.GetRequiredService<SecurityAudit>().RecordAsync(SecurityEventKinds.PermissionDenied,
            http.User.FindFirst("sub")?.Value, http.Request.Path, cancellationToken: http.RequestAborted);
}
