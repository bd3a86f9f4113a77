using HmisPlatform.Gateway.Domain;

namespace HmisPlatform.Gateway.Tests.Domain;

[Trait("ASVS", "6.2.1")]
[Trait("ASVS", "6.2.9")]
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

    [Trait("ASVS", "6.2.4")]
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

    [Trait("ASVS", "6.2.11")]
    [Theory]
    [InlineData("Hmis2026access", null)]
    [InlineData("chicago lake 7", null)]
    [InlineData("JordanIsHere9", "jordan.lee@lakeview.example.org")]
    [InlineData("harbor lee9 north", "jordan.lee@lakeview.example.org")]
    public void Password_BuiltOnTheSystemsNameOrThePersonsEmail_IsRefused(string password, string? email) =>
        Assert.Contains(PasswordPolicy.ContextWordReason, PasswordPolicy.Shipped.Check(password, email));

    [Fact]
    public void ShortEmailParts_AreNotContextWords() =>
        Assert.Empty(PasswordPolicy.Shipped.Check("harbor7lights", "jo.li@lakeview.example.org"));

    [Fact]
    public void Password_LongerThan128Characters_IsRefused_ButALongPassphraseIsFine()
    {
        Assert.Contains(PasswordPolicy.TooLongReason, PasswordPolicy.Shipped.Check(new string('a', 128) + "1"));
        Assert.Empty(PasswordPolicy.Shipped.Check("correct horse battery staple 42 " + new string('x', 90)));
    }
}
