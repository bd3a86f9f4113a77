using System.Globalization;
using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Requests.Domain.Agencies;

/// <summary>Calendar days as the contract carries them: <c>YYYY-MM-DD</c>, empty for none.</summary>
public static class IsoDate
{
    public const string InvalidDateReason = "INVALID_DATE";

    public static DateOnly? Parse(string text, string field) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw DomainException.Invalid(InvalidDateReason, "Dates are written YYYY-MM-DD.", new FieldViolation(field, "a date as YYYY-MM-DD", InvalidDateReason));

    public static string Format(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
