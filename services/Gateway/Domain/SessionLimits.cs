namespace HmisPlatform.Gateway.Domain;

/// <summary>
/// How long a person's session lasts (ASVS 5.0 V7.3, Level 2; HUD's HMIS standard asks for an automatic log-off on
/// inactivity): it ends after 30 minutes without a request, and 12 hours after signing in whatever the activity, when
/// the person signs in again.
/// </summary>
public static class SessionLimits
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(12);

    /// <summary>
    /// Whether a session that began at <paramref name="signedInAt"/> may go on now. One without a known start (made
    /// before the limit existed, or altered) may not.
    /// </summary>
    public static bool MayContinue(DateTimeOffset? signedInAt, DateTimeOffset now) =>
        signedInAt is { } at && at <= now && now - at < AbsoluteLifetime;
}
