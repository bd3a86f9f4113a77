using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Credentialing.Domain.Accounts;
using HmisPlatform.Credentialing.Domain.Credits;

namespace HmisPlatform.Credentialing.Tests.Domain;

public sealed class AgencyCreditsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(AgencyCredits.MaxPurchase + 1)]
    public void Purchase_OutsideOneToTheMaximum_IsInvalid(int credits)
    {
        var agency = new AgencyCredits(Guid.NewGuid());

        Assert.Equal(AgencyCredits.InvalidCreditsReason, Assert.Throws<DomainException>(() => agency.Purchase(credits, "", "hmis", Now)).Reason);
        Assert.Equal(0, agency.Available);
    }

    [Fact]
    public void Reserve_WithNothingAvailable_IsExhaustedNamingTheAgency()
    {
        var agency = new AgencyCredits(Guid.NewGuid());

        var error = Assert.Throws<DomainException>(() => agency.Reserve(Guid.NewGuid(), Guid.NewGuid(), "hmis", Now));

        Assert.Equal(ErrorKind.ResourceExhausted, error.Kind);
        Assert.Equal($"agencies/{agency.AgencyId}", Assert.Single(error.QuotaViolations).Subject);
    }

    [Fact]
    public void Consume_TakesTheReservationWhenThereIsOne_ElseAFreeCredit()
    {
        var agency = new AgencyCredits(Guid.NewGuid());
        agency.Purchase(2, "", "hmis", Now);
        var (reservation, _) = agency.Reserve(Guid.NewGuid(), Guid.NewGuid(), "hmis", Now);

        agency.Consume(reservation, reservation.AccessRequestId, reservation.PersonId, Guid.NewGuid(), "ata", Now);
        Assert.Equal((1, 0, 1), (agency.Available, agency.Reserved, agency.Consumed));
        Assert.Equal(ReservationStatus.Consumed, reservation.Status);

        agency.Consume(null, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "ata", Now);
        Assert.Equal((0, 0, 2), (agency.Available, agency.Reserved, agency.Consumed));
        Assert.Throws<DomainException>(() => agency.Consume(null, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "ata", Now));
    }

    [Fact]
    public void EveryLedgerLine_CarriesTheBalanceJustAfterIt()
    {
        var agency = new AgencyCredits(Guid.NewGuid());

        var purchase = agency.Purchase(3, "", "hmis", Now);
        var (first, reserved) = agency.Reserve(Guid.NewGuid(), Guid.NewGuid(), "hmis", Now);
        var (second, _) = agency.Reserve(Guid.NewGuid(), Guid.NewGuid(), "hmis", Now);
        var consumedReserved = agency.Consume(first, first.AccessRequestId, first.PersonId, Guid.NewGuid(), "ata", Now);
        var consumedFree = agency.Consume(null, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "ata", Now);
        var released = agency.Release(second, "denied", "hmis", Now);

        Assert.Equal([3, 2, 1, 0, 1], new[] { purchase, reserved, consumedReserved, consumedFree, released }.Select(e => e.AvailableAfter));
        Assert.Equal(agency.Available, released.AvailableAfter);
    }

    [Fact]
    public void Release_OfAConsumedReservation_IsRefused()
    {
        var agency = new AgencyCredits(Guid.NewGuid());
        agency.Purchase(1, "", "hmis", Now);
        var (reservation, _) = agency.Reserve(Guid.NewGuid(), Guid.NewGuid(), "hmis", Now);
        agency.Consume(reservation, reservation.AccessRequestId, reservation.PersonId, Guid.NewGuid(), "ata", Now);

        Assert.Equal(AgencyCredits.ReservationNotHeldReason, Assert.Throws<DomainException>(() => agency.Release(reservation, "denied", "hmis", Now)).Reason);
        Assert.Equal((0, 0, 1), (agency.Available, agency.Reserved, agency.Consumed));
    }

    [Theory]
    [InlineData(2026, 1, "2026-01-01T06:00:00Z", "2026-04-01T05:00:00Z")]
    [InlineData(2026, 4, "2026-10-01T05:00:00Z", "2027-01-01T06:00:00Z")]
    public void QuarterlyPeriod_RunsFromMidnightInChicagoOnTheQuartersFirstDay_ToTheNextQuarters(int year, int quarter, string from, string until)
    {
        var period = QuarterlyStatement.Period(year, quarter);

        Assert.Equal((DateTimeOffset.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse(until, System.Globalization.CultureInfo.InvariantCulture)), period);
    }

    [Fact]
    public void Statement_ChargesConsumedCreditsAtThePrice() =>
        Assert.Equal(7500, new QuarterlyStatement(Guid.NewGuid(), 2026, 4, 10, 3, 2500).AmountCents);
}
