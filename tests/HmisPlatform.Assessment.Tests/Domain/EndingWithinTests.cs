using HmisPlatform.Assessment.Domain.Assignments;
using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Assessment.Tests.Domain;

public sealed class EndingWithinTests
{
    private static readonly AssessmentPolicy Policy = new();

    [Theory]
    [InlineData(0, 3)]
    [InlineData(1, 1)]
    [InlineData(10, 10)]
    public void EndingSoon_IsTheDaysAsked_ThreeWhenNone(int asked, int days) => Assert.Equal(TimeSpan.FromDays(days), Policy.EndingWithin(asked));

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void MoreThanASeatsHold_OrNegative_IsRefused(int asked) =>
        Assert.Equal("within_days", Assert.Throws<DomainException>(() => Policy.EndingWithin(asked)).FieldViolations.Single().Field);
}
