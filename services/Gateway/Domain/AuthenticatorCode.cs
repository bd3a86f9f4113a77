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
}
