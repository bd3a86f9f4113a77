using System.Net.Mail;
using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Requests.Domain.AccessRequests;

/// <summary>
/// An email address in its one comparable form: trimmed and lower-case, ASCII only, so that case, spaces or Unicode
/// look-alikes (a Cyrillic "а" for a Latin "a") cannot pass for another address.
/// </summary>
public sealed record AgencyEmail
{
    public const string InvalidReason = "EMAIL_INVALID";

    public string Value { get; }

    public string Domain => Value[(Value.IndexOf('@', StringComparison.Ordinal) + 1)..];

    private AgencyEmail(string value) => Value = value;

    public static AgencyEmail Parse(string raw, string field)
    {
        var value = raw.Trim().ToLowerInvariant();
        var valid = value.Length is > 0 and <= 254
            && value.All(char.IsAscii)
            && MailAddress.TryCreate(value, out var address)
            && address.Address == value
            && address.Host.Contains('.', StringComparison.Ordinal);
        return valid
            ? new AgencyEmail(value)
            : throw DomainException.Invalid(InvalidReason, "An email address is not valid.",
                new FieldViolation(field, "must be a plain ASCII email address", InvalidReason));
    }

    public override string ToString() => Value;
}
