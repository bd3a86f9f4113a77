using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Credentialing.Domain.Agreements;

/// <summary>
/// A version of the End User Agreement text. The newest published version is in force; an account records which
/// version was signed and the hash of its text.
/// </summary>
public sealed partial class EndUserAgreement
{
    public const int MaxTextLength = 20_000;
    public const string InvalidVersionReason = "INVALID_AGREEMENT_VERSION";
    public const string InvalidTextReason = "INVALID_AGREEMENT_TEXT";
    public const string VersionExistsReason = "AGREEMENT_VERSION_EXISTS";

    /// <summary>The first version, in force from the start (seeded by the migration that made the table).</summary>
    public static EndUserAgreement First { get; } = new("2026-01",
        "I will use the Chicago CoC HMIS only for the purposes of my work at my agency, keep my credentials to myself, " +
        "protect the privacy of every client record, obtain and respect client consent, and report any security incident " +
        "to my ATA and the HMIS Lead at once.", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), "hmis-lead");

    public string Version { get; private set; }

    public string Text { get; private set; }

    public DateTimeOffset PublishedAt { get; private set; }

    public string PublishedBy { get; private set; }

    public string TextHash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Text)));

    private EndUserAgreement(string version, string text, DateTimeOffset publishedAt, string publishedBy)
    {
        Version = version;
        Text = text;
        PublishedAt = publishedAt;
        PublishedBy = publishedBy;
    }

    /// <summary>A new version for the HMIS team to put in force; its number must be new (checked against the store).</summary>
    public static EndUserAgreement Publish(string version, string text, string by, DateTimeOffset now)
    {
        var violations = new List<FieldViolation>();
        if (!VersionPattern().IsMatch(version))
        {
            violations.Add(new FieldViolation("version", "1 to 32 letters, digits, dots and hyphens", InvalidVersionReason));
        }
        var body = text.Trim();
        if (body.Length is 0 or > MaxTextLength)
        {
            violations.Add(new FieldViolation("text", $"required, at most {MaxTextLength} characters", InvalidTextReason));
        }
        return violations.Count > 0
            ? throw DomainException.Invalid(violations[0].Reason!, "The agreement version is not valid.", [.. violations])
            : new EndUserAgreement(version, body, now, by);
    }

    [GeneratedRegex("^[A-Za-z0-9.-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
