using HmisPlatform.Gateway.Domain;

namespace HmisPlatform.Gateway.Tests.Domain;

public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("harbor7lights")]
    [InlineData("Demo-access-2026")]
    [InlineData("8 miles north")]
    public void Password_WithEightCharactersALetterAndADigit_NotBreached_IsAccepted(string password) =>
        Assert.Empty(PasswordPolicy.Shipped.Check(password));

    [Theory]
    [InlineData("a1b2c3d", PasswordPolicy.TooShortReason)]
    [InlineData("abcdefghij", PasswordPolicy.DigitRequiredReason)]
    [InlineData("0123456789", PasswordPolicy.LetterRequiredReason)]
    [InlineData("", PasswordPolicy.TooShortReason)]
    public void Password_BreakingHudsRule_NamesTheRule(string password, string reason) =>
        Assert.Contains(reason, PasswordPolicy.Shipped.Check(password));

    [Theory]
    [InlineData("password1")]
    [InlineData("PASSWORD1")]
    [InlineData("Qwerty123")]
    [InlineData("1q2w3e4r")]
    public void Password_OnTheShippedBreachedList_IsRefusedWhateverItsCase(string password) =>
        Assert.Equal([PasswordPolicy.BreachedReason], PasswordPolicy.Shipped.Check(password));

    [Fact]
    public void ShippedList_IsLoadedFromTheProject_AndSkipsItsComments()
    {
        Assert.True(PasswordPolicy.Shipped.BreachedCount > 1000);
        Assert.Empty(new PasswordPolicy(["# password1", "  "]).Check("password1"));
    }
}
