using System.Net;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Configuration;

namespace HmisPlatform.Journeys;

/// <summary>
/// What a well-behaved agency system does when the platform answers "unavailable, try again" (gRPC UNAVAILABLE,
/// HTTP 503, or no connection at all): it sends the same call again, with the same request_id, after a growing
/// pause. Retried calls change nothing twice, so a journey driven this way rides out a database restart or a
/// service restart. Calls that fail for any other reason fail at once.
/// </summary>
public static class RetryingCalls
{
    /// <summary>How many times a call is sent in all before its failure reaches the caller.</summary>
    public const int MaxAttempts = 12;

    private static readonly TimeSpan InitialBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(8);

    /// <summary>gRPC's own retry policy, for every method of a channel: UNAVAILABLE is retried with the same message.</summary>
    public static ServiceConfig GrpcServiceConfig { get; } = new()
    {
        MethodConfigs =
        {
            new MethodConfig
            {
                Names = { MethodName.Default },
                RetryPolicy = new RetryPolicy
                {
                    MaxAttempts = MaxAttempts,
                    InitialBackoff = InitialBackoff,
                    MaxBackoff = MaxBackoff,
                    BackoffMultiplier = 2,
                    RetryableStatusCodes = { StatusCode.Unavailable },
                },
            },
        },
    };

    /// <summary>Channel options whose calls retry UNAVAILABLE through <paramref name="handler"/>.</summary>
    public static GrpcChannelOptions ChannelOptions(HttpMessageHandler handler) =>
        new() { HttpHandler = handler, ServiceConfig = GrpcServiceConfig, MaxRetryAttempts = MaxAttempts };

    /// <summary>An HTTP handler that sends a request again on 503 or a refused connection, the same way.</summary>
    public static DelegatingHandler Http(HttpMessageHandler inner) => new RetryingHttpHandler(inner);

    private sealed class RetryingHttpHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var backoff = InitialBackoff;
            for (var attempt = 1; ; attempt++)
            {
                HttpResponseMessage response;
                try
                {
                    response = await base.SendAsync(request, cancellationToken);
                }
                catch (HttpRequestException) when (attempt < MaxAttempts)
                {
                    await PauseAsync();
                    continue;
                }
                if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == MaxAttempts)
                {
                    return response;
                }
                var retryAfter = response.Headers.RetryAfter?.Delta;
                response.Dispose();
                await PauseAsync(retryAfter);
            }

            // The server's Retry-After is the least pause; the backoff still grows, so a longer outage is waited out.
            async Task PauseAsync(TimeSpan? suggested = null)
            {
                var jittered = TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * backoff.TotalMilliseconds);
                await Task.Delay(suggested is { } least && least > jittered ? least : jittered, cancellationToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }
}
