using System.Collections.Frozen;
using System.Reflection;

namespace HmisPlatform.Gateway.Domain;

/// <summary>
/// HUD's HMIS password standard and one more rule: at least 8 characters with at least one letter and one digit,
/// and not one of the common breached passwords shipped with the platform (compared without regard to case).
/// </summary>
public sealed class PasswordPolicy
{
    public const int MinimumLength = 8;
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

    /// <summary>What is wrong with the password, as reason codes; empty when it is acceptable. Never echoes it.</summary>
    public IReadOnlyList<string> Check(string password)
    {
        var problems = new List<string>();
        if (password.Length < MinimumLength)
        {
            problems.Add(TooShortReason);
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
