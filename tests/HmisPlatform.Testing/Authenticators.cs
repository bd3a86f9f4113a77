using System.Collections.Concurrent;

namespace HmisPlatform.Testing;

/// <summary>
/// The authenticator apps of the people tests sign in as: the key each e-mail's app holds. A browser that signs in
/// as someone whose key is here enters the next code when asked, as the person would; tests about the code itself
/// use people whose keys they keep to themselves.
/// </summary>
public static class Authenticators
{
    private const int StepSeconds = 30;

    private static readonly ConcurrentDictionary<string, string> Keys = new(StringComparer.OrdinalIgnoreCase);
    private static readonly ConcurrentDictionary<string, long> LastSteps = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public static void Remember(string email, string key) => Keys[email] = key;

    public static string? KeyOf(string email) => Keys.GetValueOrDefault(email);

    /// <summary>
    /// A code of the key that was not used yet, as the gateway takes each code once: the step before now (when the step
    /// has a few seconds left), now, or the next (it accepts one step either side); when all three were used, the
    /// person waits for the next step, as they would. Codes run on real time, as the gateway checks them.
    /// </summary>
    public static async Task<string> NextCodeAsync(string key)
    {
        var gate = Gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync();
        try
        {
            // The longest wait is for the step after next to become acceptable: under one step; two is the deadline.
            var code = await Eventually.ReturnsAsync(() => Task.FromResult(TakeUnusedCode(key, DateTimeOffset.UtcNow)),
                code => code is not null, TimeSpan.FromSeconds(2 * StepSeconds));
            return code!;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The earliest code the gateway would take at <paramref name="now"/> and that was not used yet, marked used; none if all were.</summary>
    private static string? TakeUnusedCode(string key, DateTimeOffset now)
    {
        var current = now.ToUnixTimeSeconds() / StepSeconds;
        var secondsLeft = StepSeconds - (now.ToUnixTimeSeconds() % StepSeconds);
        var earliest = secondsLeft > 5 ? current - 1 : current;
        var step = Math.Max(earliest, LastSteps.TryGetValue(key, out var last) ? last + 1 : long.MinValue);
        // The next step is accepted only while the gateway's now is this one: not in a step's last seconds.
        if (step <= current || (step == current + 1 && secondsLeft > 5))
        {
            LastSteps[key] = step;
            return Totp.Code(key, DateTimeOffset.FromUnixTimeSeconds(step * StepSeconds));
        }
        return null;
    }
}
