using CsCheck;
using HmisPlatform.Gateway.Domain;
using HmisPlatform.Testing;
using Xunit.Abstractions;

namespace HmisPlatform.Gateway.Tests.Fuzzing;

/// <summary>Fuzz target: the authenticator code a person types at sign-in and enrolment.</summary>
[Trait("ASVS", "6.5.7")]
public sealed class AuthenticatorCodeFuzzTests(ITestOutputHelper output)
{
    private static readonly Gen<string> Typed = Gen.OneOf(
        Fuzz.Text(40),
        Gen.Char['0', '9'].Array[0, 9].Select(d => new string(d)),
        Gen.Select(Gen.Char['0', '9'].Array[6], Gen.OneOf(" ", "-", "  ", "٣", "０", "\u00a0", "\0", "7"), Gen.Int[0, 6],
            (digits, inserted, at) => new string(digits).Insert(at, inserted)));

    [Fact]
    public void AnyTypedText_IsSixAsciiDigits_OrNoCodeAtAll()
    {
        Fuzz.Run(Typed, typed =>
        {
            var code = AuthenticatorCode.Read(typed);
            if (code is null)
            {
                return;
            }
            Assert.Equal(AuthenticatorCode.Length, code.Length);
            Assert.True(code.All(c => c is >= '0' and <= '9'), code);
            Assert.Equal(code, new string([.. typed.Where(c => c is >= '0' and <= '9')]));
            Assert.True(typed.All(c => c is >= '0' and <= '9' or ' ' or '-'), typed);
        }, output);
    }

    [Theory]
    [InlineData("123456", "123456")]
    [InlineData(" 123 456 ", "123456")]
    [InlineData("123-456", "123456")]
    [InlineData("１２３４５６", null)]
    [InlineData("12345٦", null)]
    [InlineData("1234567", null)]
    [InlineData("12345", null)]
    [InlineData("12345x", null)]
    [InlineData(null, null)]
    public void ACode_IsReadAsAppsShowIt(string? typed, string? expected) =>
        Assert.Equal(expected, AuthenticatorCode.Read(typed));
}
