namespace HmisPlatform.Gateway.Extensions;

/// <summary>How many calls one caller may make per window (configuration section <c>RateLimits</c>).</summary>
public sealed class CallerRateLimitOptions
{
    public int PermitLimit { get; set; } = 600;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
