namespace HmisPlatform.Notifications.Domain;

/// <summary>
/// How hard an e-mail is tried (configuration <c>Notifications:Delivery</c>): the first retry after
/// <see cref="FirstRetry"/>, each pause twice the one before up to <see cref="LongestPause"/>, and given up after
/// <see cref="MaxAttempts"/> sends.
/// </summary>
public sealed class DeliveryPolicy
{
    public int MaxAttempts { get; set; } = 6;

    public TimeSpan FirstRetry { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan LongestPause { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The pause after the given number of failed sends.</summary>
    public TimeSpan PauseAfter(int attempts) =>
        TimeSpan.FromTicks(Math.Min(FirstRetry.Ticks * (1L << Math.Min(attempts - 1, 20)), LongestPause.Ticks));
}
