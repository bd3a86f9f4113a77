using System.Net.Mail;
namespace HmisPlatform.BuildingBlocks.Domain;

/// <summary>
/// An email address in its one comparable form: trimmed and lower-case, ASCII only, so that case, spaces or Unicode
/// look-alikes (a Cyrillic "а" for a Latin "a") cannot pass for another address, with one '@' and no quoted local
/// part (<c>"a@evil.example"@lakeview.org</c> would show one domain and mail another). Every service compares people's
/// addresses in this form (agency domains in Requests, look-ups in Credentialing).
/// </summary>
public sealed record EmailAddress
{
    public const string InvalidReason = "EMAIL_INVALID";

    public string Value { get; }

    public string Domain => Value[(Value.IndexOf('@', StringComparison.Ordinal) + 1)..];

    private EmailAddress(string value) => Value = value;

    public static EmailAddress Parse(string raw, string field)
    {
        var value = raw.Trim().ToLowerInvariant();
        var valid = value.Length is > 0 and <= 254
            && value.All(char.IsAscii)
            && value.Count(c => c == '@') == 1
            && !value.Contains('"', StringComparison.Ordinal)
            && MailAddress.TryCreate(value, out var address)
            && address.Address == value
            && address.Host.Contains('.', StringComparison.Ordinal);
        return valid
            ? new EmailAddress(value)
            : throw DomainException.Invalid(InvalidReason, "An email address is not valid.",
                new FieldViolation(field, "must be a plain ASCII email address", InvalidReason));
    }

    public override string ToString() => Value;
}
