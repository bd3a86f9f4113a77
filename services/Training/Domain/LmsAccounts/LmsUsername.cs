using System.Text.RegularExpressions;
using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Training.Domain.LmsAccounts;

/// <summary>An LMS username in its one form: lower-case ASCII letters, digits, dots, hyphens, underscores; 3 to 64.</summary>
public static partial class LmsUsername
{
    public const string InvalidReason = "LMS_USERNAME_INVALID";

    public static string Parse(string text, string field)
    {
        var username = text.Trim().ToLowerInvariant();
        return UsernamePattern().IsMatch(username)
            ? username
            : throw DomainException.Invalid(InvalidReason, "A username is 3 to 64 letters, digits, dots, hyphens or underscores.",
                new FieldViolation(field, "3 to 64 of a-z, 0-9, '.', '-', '_'", InvalidReason));
    }

    /// <summary>A username made from an email's local part, for accounts the platform opens itself.</summary>
    public static string FromEmail(EmailAddress email)
    {
        var local = new string(email.Value[..email.Value.IndexOf('@')].Where(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_').ToArray());
        return local.Length >= 3 ? local[..Math.Min(local.Length, 56)] : $"user.{local}";
    }

    [GeneratedRegex("^[a-z0-9._-]{3,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex UsernamePattern();
}
