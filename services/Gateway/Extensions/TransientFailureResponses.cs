using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using HmisPlatform.BuildingBlocks.Grpc;
using HmisPlatform.BuildingBlocks.Persistence;
using Yarp.ReverseProxy.Forwarder;

namespace HmisPlatform.Gateway.Extensions;

/// <summary>
/// What the gateway answers when something it needs itself is briefly away (its database, which every token check,
/// session and client lookup reads; Redis): UNAVAILABLE with the time to wait (<c>RetryInfo</c>, and <c>Retry-After</c>
/// over HTTP), as the services answer, never a bare HTTP 500 that a gRPC client reads as UNKNOWN. The same holds when
/// a service behind it cannot be reached (restarting, or one replica gone): not the proxy's bare 502, which an
/// HTTP/JSON caller has no reason to retry.
/// </summary>
public static partial class TransientFailureResponses
{
    public static void UseTransientFailureResponses(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TransientFailureResponses).FullName!);
        var domain = app.Services.GetRequiredService<ErrorDomain>().Name;
        app.Use(async (http, next) =>
        {
            try
            {
                await next(http);
            }
            catch (Exception ex) when (TransientFailures.IsTransient(ex) && !http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
            {
                // The endpoint's name, not the path: a path may carry an id the log has no need of.
                LogUnavailable(logger, http.GetEndpoint()?.DisplayName ?? "request", ex.GetType().Name);
                await WriteUnavailableAsync(http, domain, "The gateway is briefly unable to reach what it needs; try again shortly.");
            }
        });
    }

    /// <summary>
    /// In the proxy's pipeline: a call the gateway could not deliver to its service, or whose answer did not begin,
    /// is UNAVAILABLE with the time to wait. Each call carries its request_id, so sending it again is safe even when
    /// the service did receive it. A caller who went away is not answered.
    /// </summary>
    public static async Task AnswerUnreachableServiceAsync(HttpContext http, Func<Task> next, ILogger logger, string domain)
    {
        await next();
        if (http.Features.Get<IForwarderErrorFeature>() is not { } failure || http.Response.HasStarted || http.RequestAborted.IsCancellationRequested
            || failure.Error is ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled or ForwarderError.RequestBodyClient)
        {
            return;
        }
        LogServiceUnreachable(logger, http.GetEndpoint()?.DisplayName ?? "request", failure.Error);
        await WriteUnavailableAsync(http, domain, "The service is briefly unreachable; try again shortly.");
    }

    private static Task WriteUnavailableAsync(HttpContext http, string domain, string message)
    {
        http.Response.Clear();
        var seconds = (int)Math.Ceiling(RichStatus.DefaultRetryAfter.TotalSeconds);
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return GrpcRefusal.WriteAsync(http.Response, global::Grpc.Core.StatusCode.Unavailable, domain, DomainErrorInterceptor.UnavailableReason,
            message, new RetryInfo { RetryDelay = Duration.FromTimeSpan(RichStatus.DefaultRetryAfter) });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Endpoint} not delivered: {Failure}")]
    private static partial void LogServiceUnreachable(ILogger logger, string endpoint, ForwarderError failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Endpoint} unavailable: {Failure}")]
    private static partial void LogUnavailable(ILogger logger, string endpoint, string failure);
}
