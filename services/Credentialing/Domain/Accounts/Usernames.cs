using System.Globalization;
using System.Text;

namespace HmisPlatform.Credentialing.Domain.Accounts;

/// <summary>
/// The username convention: first initial and family name, lower-case ASCII letters only, at most 20 characters;
/// when taken (by anyone, ever), the first free number from 2 is appended. Usernames are never reused.
/// </summary>
public static class Usernames
{
    public const int MaxBaseLength = 20;

    public static string Base(string givenName, string familyName)
    {
        var letters = Letters(givenName).Take(1).Concat(Letters(familyName));
        var result = new string(letters.Take(MaxBaseLength).ToArray());
        return result.Length >= 2 ? result : "user";
    }

    public static string FirstFree(string baseName, IReadOnlySet<string> taken)
    {
        if (!taken.Contains(baseName))
        {
            return baseName;
        }
        var n = 2;
        while (taken.Contains($"{baseName}{n}"))
        {
            n++;
        }
        return $"{baseName}{n}";
    }

    /// <summary>Letters without their accents (é becomes e), so usernames stay plain ASCII.</summary>
    private static IEnumerable<char> Letters(string name) =>
        name.Normalize(NormalizationForm.FormD)
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            .Select(char.ToLowerInvariant)
            .Where(char.IsAsciiLetterLower);
}
