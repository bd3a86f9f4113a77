using System.Globalization;

namespace HmisPlatform.BuildingBlocks.Domain;

/// <summary>
/// A range of the Continuum's days (YYYY-MM-DD, both ends inclusive, either may be empty) as instants: from the first
/// day's start in Chicago until the start of the day after the last. What the exports and audits filter by.
/// </summary>
public static class DayRange
{
    public const string InvalidRangeReason = "INVALID_RANGE";

    public static (DateTimeOffset? From, DateTimeOffset? Until) Parse(string? from, string? to)
    {
        var (first, last) = (Day(from, "from"), Day(to, "to"));
        if (first is { } a && last is { } b && b < a)
        {
            throw DomainException.Invalid(InvalidRangeReason, "The range ends before it starts.", new FieldViolation("to", "on or after from", InvalidRangeReason));
        }
        return (first is { } start ? Continuum.StartOf(start) : null, last is { } end ? Continuum.StartOf(end.AddDays(1)) : null);
    }

    private static DateOnly? Day(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw DomainException.Invalid(InvalidRangeReason, $"{field} is a day as YYYY-MM-DD.", new FieldViolation(field, "YYYY-MM-DD", InvalidRangeReason));
}
