using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Credentialing.Domain.Credits;

/// <summary>What an agency owes for a calendar quarter (on the Continuum's clock): the credits its issued accounts consumed, at the price.</summary>
public sealed record QuarterlyStatement(Guid AgencyId, int Year, int Quarter, int CreditsPurchased, int CreditsConsumed, long PricePerCreditCents)
{
    public const string InvalidQuarterReason = "INVALID_QUARTER";

    public long AmountCents => CreditsConsumed * PricePerCreditCents;

    /// <summary>The quarter's first instant and the next quarter's first instant: midnights in the Continuum.</summary>
    public static (DateTimeOffset From, DateTimeOffset Until) Period(int year, int quarter)
    {
        if (year is < 2000 or > 2100 || quarter is < 1 or > 4)
        {
            throw DomainException.Invalid(InvalidQuarterReason, "Name a year and a quarter from 1 to 4.",
                new FieldViolation(year is < 2000 or > 2100 ? "year" : "quarter", "year 2000-2100, quarter 1-4", InvalidQuarterReason));
        }
        var first = new DateOnly(year, (quarter - 1) * 3 + 1, 1);
        return (Continuum.StartOf(first), Continuum.StartOf(first.AddMonths(3)));
    }
}

/// <summary>The price of a license credit (configuration section <c>Credits</c>); 1 credit = $25 unless configured.</summary>
public sealed class CreditPricing
{
    public long PricePerCreditCents { get; set; } = 2500;
}
