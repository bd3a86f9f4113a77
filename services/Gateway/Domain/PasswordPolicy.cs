using System.Collections.Frozen;
using System.Reflection;

namespace HmisPlatform.Gateway.Domain;

/// <summary>
/// HUD's HMIS password standard and the ASVS's rules (V6.2): at least 8 characters with at least one letter and one
/// digit, at most 128; not one of the common breached passwords shipped with the platform (compared without regard to
/// case); and not built on the person's own e-mail name or the system's name ("HMIS", the platform's, the
/// Continuum's), which are the first guesses of anyone who knows where the account is.
/// </summary>
public sealed class PasswordPolicy
{
    public const int MinimumLength = 8;
    public const int MaximumLength = 128;
    public const string TooLongReason = "PASSWORD_TOO_LONG";
    public const string ContextWordReason = "PASSWORD_HAS_CONTEXT_WORD";

    /// <summary>Words a password may not contain, whatever their case: the system's and the Continuum's names.</summary>
    public static readonly IReadOnlyList<string> ContextWords = ["hmis", "hmisplatform", "chicago", "continuum"];
    public const string TooShortReason = "PASSWORD_TOO_SHORT";
    public const string LetterRequiredReason = "PASSWORD_NEEDS_LETTER";
    public const string DigitRequiredReason = "PASSWORD_NEEDS_DIGIT";
    public const string BreachedReason = "PASSWORD_BREACHED";

    private readonly FrozenSet<string> _breached;

    public PasswordPolicy(IEnumerable<string> breached) =>
        _breached = breached.Select(p => p.Trim()).Where(p => p.Length > 0 && !p.StartsWith('#')).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The policy with the list shipped in <c>Domain/breached-passwords.txt</c>.</summary>
    public static PasswordPolicy Shipped { get; } = new(ReadShippedList());

    public int BreachedCount => _breached.Count;

    /// <summary>
    /// What is wrong with the password, as reason codes; empty when it is acceptable. Never echoes it.
    /// <paramref name="email"/> is the person's, whose name part (3 characters or more) the password may not contain.
    /// </summary>
    public IReadOnlyList<string> Check(string password, string? email = null)
    {
        var problems = new List<string>();
        if (password.Length < MinimumLength)
        {
            problems.Add(TooShortReason);
        }
        if (password.Length > MaximumLength)
        {
            problems.Add(TooLongReason);
        }
        if (ContextWordsOf(email).Any(word => password.Contains(word, StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add(ContextWordReason);
        }
        if (!password.Any(char.IsLetter))
        {
            problems.Add(LetterRequiredReason);
        }
        if (!password.Any(char.IsDigit))
        {
            problems.Add(DigitRequiredReason);
        }
        if (_breached.Contains(password))
        {
            problems.Add(BreachedReason);
        }
        return problems;
    }

    /// <summary>The system's words, and the person's e-mail name and its parts (jordan.lee: jordan.lee, jordan, lee).</summary>
    private static IEnumerable<string> ContextWordsOf(string? email)
    {
        var name = email?.Split('@')[0] ?? "";
        return ContextWords.Concat(name.Split(['.', '_', '-', '+']).Append(name)).Where(w => w.Length >= 3);
    }

    private static IEnumerable<string> ReadShippedList()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("HmisPlatform.Gateway.Domain.breached-passwords.txt")
            ?? throw new InvalidOperationException("The breached-password list is not embedded in the gateway.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }
        return lines;
    }
}
