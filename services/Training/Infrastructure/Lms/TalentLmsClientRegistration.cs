using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.RateLimiting;
using HmisPlatform.Training.Domain.Lms;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace HmisPlatform.Training.Infrastructure.Lms;

/// <summary>
/// The TalentLMS HTTP client: the API key as Basic credentials; calls paced under the documented limit (200 per 5
/// seconds); transient failures and 429s retried with exponential backoff, waiting as long as the API says
/// (Retry-After or X-RateLimit-Reset); a circuit breaker so a failing LMS is left alone for a while.
/// </summary>
public static class TalentLmsClientRegistration
{
    public static void AddLmsConnector(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Lms");
        builder.Services.Configure<LmsOptions>(section);
        builder.Services.Configure<TalentLmsOptions>(section.GetSection("TalentLms"));
        if (!string.Equals(section["Mode"], "TalentLms", StringComparison.OrdinalIgnoreCase))
        {
            builder.Services.AddSingleton<ILmsConnector, BuiltInLms>();
            return;
        }
        builder.Services.AddSingleton<TalentLmsRateLimit>();
        builder.Services.AddTransient<TalentLmsPacing>();
        var client = builder.Services.AddHttpClient<ILmsConnector, TalentLmsConnector>((services, http) =>
            {
                var options = services.GetRequiredService<IOptions<TalentLmsOptions>>().Value;
                http.BaseAddress = options.BaseAddress ?? throw new InvalidOperationException("Lms:TalentLms:BaseAddress is not set.");
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.ApiKey}:")));
            });
        // The service defaults give every client the standard pipeline; this one needs its own, tuned to the LMS's
        // rate limit. Removing the default is still marked experimental in Microsoft.Extensions.Http.Resilience.
#pragma warning disable EXTEXP0001
        client.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        client.AddResilienceHandler("talentlms", pipeline =>
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 4,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(200),
                    DelayGenerator = args => ValueTask.FromResult(RateLimitReset(args.Outcome.Result)),
                });
                pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions { MinimumThroughput = 10, BreakDuration = TimeSpan.FromSeconds(30) });
                pipeline.AddTimeout(TimeSpan.FromSeconds(15));
            });
        // Inside the retries, so every attempt waits its turn.
        client.AddHttpMessageHandler<TalentLmsPacing>();
    }

    /// <summary>How long a 429 asks to wait: Retry-After, or the seconds until X-RateLimit-Reset; none means backoff.</summary>
    internal static TimeSpan? RateLimitReset(HttpResponseMessage? response)
    {
        if (response is not { StatusCode: HttpStatusCode.TooManyRequests })
        {
            return null;
        }
        if (response.Headers.RetryAfter?.Delta is { } delta)
        {
            return delta;
        }
        if (response.Headers.TryGetValues("X-RateLimit-Reset", out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var reset))
        {
            // Either seconds to wait or the Unix time of the reset.
            var wait = reset > 1_000_000_000 ? DateTimeOffset.FromUnixTimeSeconds(reset) - DateTimeOffset.UtcNow : TimeSpan.FromSeconds(reset);
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }
}

/// <summary>The process's one pacing window for TalentLMS, shared by every call.</summary>
public sealed class TalentLmsRateLimit(IOptions<TalentLmsOptions> options) : IDisposable
{
    public RateLimiter Limiter { get; } = new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
    {
        PermitLimit = options.Value.RequestsPerWindow,
        Window = options.Value.Window,
        SegmentsPerWindow = 5,
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    public void Dispose() => Limiter.Dispose();
}

/// <summary>Keeps the calls under the documented rate limit by waiting their turn, rather than being refused.</summary>
public sealed class TalentLmsPacing(TalentLmsRateLimit limit) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var lease = await limit.Limiter.AcquireAsync(1, cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }
}
