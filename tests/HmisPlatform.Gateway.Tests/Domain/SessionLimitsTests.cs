using HmisPlatform.Gateway.Domain;

namespace HmisPlatform.Gateway.Tests.Domain;

/// <summary>ASVS 5.0 V7.3.1 / V7.3.2: an idle session ends within 30 minutes, and any session 12 hours after sign-in.</summary>
[Trait("ASVS", "7.3.1")]
[Trait("ASVS", "7.3.2")]
public sealed class SessionLimitsTests
{
    private static readonly DateTimeOffset SignedIn = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheLimits_AreLevelTwos() =>
        Assert.Equal((TimeSpan.FromMinutes(30), TimeSpan.FromHours(12)), (SessionLimits.IdleTimeout, SessionLimits.AbsoluteLifetime));

    [Theory]
    [InlineData(0, true)]
    [InlineData(11 * 60 + 59, true)]
    [InlineData(12 * 60, false)]
    [InlineData(30 * 60, false)]
    public void ASession_MayContinueUntilTwelveHoursAfterSignIn(int minutesLater, bool mayContinue) =>
        Assert.Equal(mayContinue, SessionLimits.MayContinue(SignedIn, SignedIn.AddMinutes(minutesLater)));

    [Fact]
    public void ASessionWithoutAKnownStart_OrOneStartingInTheFuture_MayNot()
    {
        Assert.False(SessionLimits.MayContinue(null, SignedIn));
        Assert.False(SessionLimits.MayContinue(SignedIn.AddMinutes(1), SignedIn));
    }
}
