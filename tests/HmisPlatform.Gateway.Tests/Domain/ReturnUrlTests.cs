using HmisPlatform.Gateway.Domain;

namespace HmisPlatform.Gateway.Tests.Domain;

/// <summary>ASVS 5.0 V3.7.2 / V5 (open redirects): after signing in, a person goes to a page of this site or home.</summary>
[Trait("ASVS", "3.7.2")]
public sealed class ReturnUrlTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/review")]
    [InlineData("/people/0b6f3a51-2d6e-4a4e-9a54-6f0f8d1a0104")]
    [InlineData("/review?status=submitted&page=2")]
    [InlineData("/requests/new#users")]
    public void APathOfThisSite_IsWhereThePersonGoes(string returnUrl) =>
        Assert.Equal(returnUrl, ReturnUrl.LocalOrHome(returnUrl));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("/\t/evil.example")]
    [InlineData("/\n/evil.example")]
    [InlineData("/\r\n/evil.example")]
    [InlineData("/ /evil.example")]
    [InlineData("/\u00a0/evil.example")]
    [InlineData("/\\/evil.example")]
    [InlineData("/review\\..\\..\\evil")]
    [InlineData("https://evil.example/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("evil.example")]
    [InlineData("/\0/evil.example")]
    public void AnythingABrowserCouldReadAsAnotherSite_GoesHome(string? returnUrl) =>
        Assert.Equal(ReturnUrl.Home, ReturnUrl.LocalOrHome(returnUrl));

    [Fact]
    public void AReturnUrlLongerThanAnyPageOfTheSite_GoesHome() =>
        Assert.Equal(ReturnUrl.Home, ReturnUrl.LocalOrHome("/" + new string('a', 2048)));
}
