using System.Globalization;
using System.Threading.RateLimiting;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using HmisPlatform.BuildingBlocks.Grpc;
using Microsoft.AspNetCore.RateLimiting;

namespace HmisPlatform.Gateway.Extensions;

/// <summary>
/// A fixed window of calls per caller: per client (the token's subject) once authenticated, per address before.
/// A caller over its limit gets RESOURCE_EXHAUSTED (HTTP 429 with the same status as JSON outside gRPC) with when to try again.
/// </summary>
public static class CallerRateLimits
{
    public const string Policy = "per-caller";
    public const string Domain = "hmis.gateway";
    public const string RateLimitedReason = "RATE_LIMITED";

    public static void AddCallerRateLimits(this IHostApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection("RateLimits").Get<CallerRateLimitOptions>() ?? new CallerRateLimitOptions();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.User.FindFirst("sub")?.Value ?? http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.PermitLimit, Window = limits.Window, QueueLimit = 0 }));
            limiter.OnRejected = (context, _) => new ValueTask(RejectAsync(context.HttpContext, context.Lease, limits.Window));
        });
    }

    private static Task RejectAsync(HttpContext http, RateLimitLease lease, TimeSpan window)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : window;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return GrpcRefusal.WriteAsync(http.Response, global::Grpc.Core.StatusCode.ResourceExhausted, Domain, RateLimitedReason,
            "Too many calls; try again later.",
            new RetryInfo { RetryDelay = Duration.FromTimeSpan(TimeSpan.FromSeconds(seconds)) },
            new QuotaFailure { Violations = { new QuotaFailure.Types.Violation { Subject = "caller", Description = "calls per window" } } });
    }
}
