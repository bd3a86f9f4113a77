using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Gateway.Domain;

namespace HmisPlatform.Gateway.Tests.Domain;

public sealed class TestClockRulesTests
{
    [Fact]
    public void InProduction_TheTestClockIsRefused()
    {
        var refused = Assert.Throws<DomainException>(() => TestClockRules.EnsureAllowed(production: true));

        Assert.Equal((ErrorKind.FailedPrecondition, TestClockRules.NotInProductionReason), (refused.Kind, refused.Reason));
        TestClockRules.EnsureAllowed(production: false);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(401.0)]
    public void Advance_ThatIsNotForwardOrTooFar_IsRefusedOnBy(double? days)
    {
        var refused = Assert.Throws<DomainException>(() => TestClockRules.Advance(days is { } d ? TimeSpan.FromDays(d) : null));

        Assert.Equal(("by", TestClockRules.AdvanceInvalidReason), (Assert.Single(refused.FieldViolations).Field, refused.Reason));
    }

    [Fact]
    public void Advance_OfAMinuteUpTo400Days_IsTaken()
    {
        Assert.Equal(TimeSpan.FromMinutes(1), TestClockRules.Advance(TimeSpan.FromMinutes(1)));
        Assert.Equal(TimeSpan.FromDays(400), TestClockRules.Advance(TimeSpan.FromDays(400)));
    }
}
