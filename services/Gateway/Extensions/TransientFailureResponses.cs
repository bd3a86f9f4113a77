using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using HmisPlatform.BuildingBlocks.Grpc;
using HmisPlatform.BuildingBlocks.Persistence;

namespace HmisPlatform.Gateway.Extensions;

/// <summary>
/// What the gateway answers when something it needs itself is briefly away (its database, which every token check,
/// session and client lookup reads; Redis): UNAVAILABLE with the time to wait (<c>RetryInfo</c>, and <c>Retry-After</c>
/// over HTTP), as the services answer, never a bare HTTP 500 that a gRPC client reads as UNKNOWN.
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
                http.Response.Clear();
                var seconds = (int)Math.Ceiling(RichStatus.DefaultRetryAfter.TotalSeconds);
                http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await GrpcRefusal.WriteAsync(http.Response, global::Grpc.Core.StatusCode.Unavailable, domain, DomainErrorInterceptor.UnavailableReason,
                    "The gateway is briefly unable to reach what it needs; try again shortly.",
                    new RetryInfo { RetryDelay = Duration.FromTimeSpan(RichStatus.DefaultRetryAfter) });
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Endpoint} unavailable: {Failure}")]
    private static partial void LogUnavailable(ILogger logger, string endpoint, string failure);
}
