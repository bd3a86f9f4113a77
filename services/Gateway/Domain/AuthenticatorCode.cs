using System.Buffers.Binary;
using System.Security.Cryptography;

namespace HmisPlatform.Gateway.Domain;

/// <summary>
/// What a person types as their authenticator code: six ASCII digits, with the spaces or hyphens apps show between
/// them ("123 456"). Anything else (other characters, other digits such as "٣" or "３", another count) is no code
/// at all, and fails like a wrong one.
/// </summary>
public static class AuthenticatorCode
{
    public const int Length = 6;

    /// <summary>Longer input is not read at all.</summary>
    public const int MaxTyped = 32;

    /// <returns>The six digits, or null when the text is not a code.</returns>
    public static string? Read(string? typed)
    {
        if (typed is null || typed.Length > MaxTyped)
        {
            return null;
        }
        Span<char> digits = stackalloc char[Length];
        var count = 0;
        foreach (var c in typed)
        {
            if (c is >= '0' and <= '9')
            {
                if (count == Length)
                {
                    return null;
                }
                digits[count++] = c;
            }
            else if (c is not (' ' or '-'))
            {
                return null;
            }
        }
        return count == Length ? new string(digits) : null;
    }

    /// <summary>The length of one code's time step (RFC 6238).</summary>
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    /// <summary>Steps either side of now that are still accepted, for a phone's clock that is a little off.</summary>
    public const int AllowedDrift = 1;

    public static long StepAt(DateTimeOffset at) => at.ToUnixTimeSeconds() / (long)Step.TotalSeconds;

    /// <summary>
    /// The time step whose code the person typed, if it is one now accepted: within <see cref="AllowedDrift"/> steps of
    /// now, and later than the last step they used, so that each code signs in once (a code seen over a shoulder or
    /// replayed is refused). Null when it matches none.
    /// </summary>
    public static long? AcceptedStep(string base32Key, string? typed, DateTimeOffset now, long? lastUsedStep)
    {
        if (Read(typed) is not { } code || FromBase32(base32Key) is not { Length: > 0 } key)
        {
            return null;
        }
        var current = StepAt(now);
        for (var step = current - AllowedDrift; step <= current + AllowedDrift; step++)
        {
            if (step > (lastUsedStep ?? long.MinValue)
                && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(CodeAt(key, step)), System.Text.Encoding.ASCII.GetBytes(code)))
            {
                return step;
            }
        }
        return null;
    }

    /// <summary>The code of one step: HMAC-SHA1 of the step number, truncated to six digits (RFC 4226, RFC 6238).</summary>
    public static string CodeAt(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
        HMACSHA1.HashData(key, counter, hash);
        var offset = hash[^1] & 0x0f;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7fffffff) % 1_000_000;
        return value.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>An authenticator key as apps take it (base32, case and spaces ignored); empty when it is not base32.</summary>
    public static byte[] FromBase32(string value)
    {
        var bits = 0;
        var buffer = 0;
        var bytes = new List<byte>(value.Length * 5 / 8);
        foreach (var c in value)
        {
            if (c is ' ' or '=')
            {
                continue;
            }
            var index = Base32Alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (index < 0)
            {
                return [];
            }
            buffer = (buffer << 5) | index;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}
