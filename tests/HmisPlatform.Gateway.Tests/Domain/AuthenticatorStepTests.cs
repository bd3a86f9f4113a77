using HmisPlatform.Gateway.Domain;
using HmisPlatform.Testing;

namespace HmisPlatform.Gateway.Tests.Domain;

/// <summary>Which authenticator codes are accepted: those of now and one step either side, each once, in order.</summary>
public sealed class AuthenticatorStepTests
{
    private const string Key = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 10, 0, 10, TimeSpan.Zero);
    private static readonly long Current = AuthenticatorCode.StepAt(Now);

    private static string CodeAt(long step) => Totp.Code(Key, DateTimeOffset.FromUnixTimeSeconds(step * 30));

    [Fact]
    public void TheCodesOfNow_AndOneStepEitherSide_AreAccepted_AsTheirStep()
    {
        Assert.Equal(Current, AuthenticatorCode.AcceptedStep(Key, CodeAt(Current), Now, lastUsedStep: null));
        Assert.Equal(Current - 1, AuthenticatorCode.AcceptedStep(Key, CodeAt(Current - 1), Now, lastUsedStep: null));
        Assert.Equal(Current + 1, AuthenticatorCode.AcceptedStep(Key, CodeAt(Current + 1), Now, lastUsedStep: null));
        Assert.Equal(Current, AuthenticatorCode.AcceptedStep(Key.ToLowerInvariant(), CodeAt(Current)[..3] + " " + CodeAt(Current)[3..], Now, null));
    }

    [Fact]
    public void CodesOlderOrNewerThanTheDrift_AreRefused()
    {
        Assert.Null(AuthenticatorCode.AcceptedStep(Key, CodeAt(Current - 2), Now, lastUsedStep: null));
        Assert.Null(AuthenticatorCode.AcceptedStep(Key, CodeAt(Current + 2), Now, lastUsedStep: null));
    }

    [Trait("ASVS", "6.5.1")]
    [Fact]
    public void ACodeOnceUsed_OrOneOfAnEarlierStep_IsRefused()
    {
        Assert.Null(AuthenticatorCode.AcceptedStep(Key, CodeAt(Current), Now, lastUsedStep: Current));
        Assert.Null(AuthenticatorCode.AcceptedStep(Key, CodeAt(Current - 1), Now, lastUsedStep: Current));
        Assert.Equal(Current + 1, AuthenticatorCode.AcceptedStep(Key, CodeAt(Current + 1), Now, lastUsedStep: Current));
    }

    [Fact]
    public void AKeyThatIsNotBase32_OrTextThatIsNotACode_AcceptsNothing()
    {
        Assert.Null(AuthenticatorCode.AcceptedStep("not-base32!", CodeAt(Current), Now, null));
        Assert.Null(AuthenticatorCode.AcceptedStep(Key, "12345", Now, null));
        Assert.Null(AuthenticatorCode.AcceptedStep(Key, null, Now, null));
    }

    [Fact]
    public void TheCodes_AreThoseOfRfc6238()
    {
        // RFC 6238 appendix B, SHA-1, key "12345678901234567890", T = 59 s: 94287082, of which apps show the last six.
        var key = System.Text.Encoding.ASCII.GetBytes("12345678901234567890");
        Assert.Equal("287082", AuthenticatorCode.CodeAt(key, 59 / 30));
        Assert.Equal("081804", AuthenticatorCode.CodeAt(key, 1111111109 / 30));
    }
}
