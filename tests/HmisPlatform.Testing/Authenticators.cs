using System.Collections.Concurrent;

namespace HmisPlatform.Testing;

/// <summary>
/// The authenticator apps of the people tests sign in as: the key each e-mail's app holds. A browser that signs in
/// as someone whose key is here enters the current code when asked, as the person would; tests about the code itself
/// use people whose keys they keep to themselves.
/// </summary>
public static class Authenticators
{
    private static readonly ConcurrentDictionary<string, string> Keys = new(StringComparer.OrdinalIgnoreCase);

    public static void Remember(string email, string key) => Keys[email] = key;

    public static string? KeyOf(string email) => Keys.GetValueOrDefault(email);
}
