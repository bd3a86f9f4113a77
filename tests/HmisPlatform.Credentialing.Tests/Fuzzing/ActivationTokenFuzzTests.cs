using System.Buffers.Text;
using CsCheck;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Credentialing.Domain.Accounts;
using HmisPlatform.Testing;
using Xunit.Abstractions;

namespace HmisPlatform.Credentialing.Tests.Fuzzing;

/// <summary>Fuzz target: the activation token the HMIS presents when a person sets their password.</summary>
[Trait("ASVS", "9.2.4")]
public sealed class ActivationTokenFuzzTests(ITestOutputHelper output)
{
    private static readonly Gen<string> Presented = Gen.OneOf(
        Fuzz.Text(60),
        Gen.Byte.Array[0, 40].Select(bytes => Base64Url.EncodeToString(bytes)),
        Gen.Byte.Array[32].Select(bytes => Convert.ToBase64String(bytes)),
        Gen.Select(Gen.Byte.Array[32], Fuzz.Awkward, Gen.Int[0, 42],
            (bytes, c, at) => Base64Url.EncodeToString(bytes).Remove(at, 1).Insert(at, c.ToString())));

    [Fact]
    public void AnyPresentedText_IsRefusedAsAWrongToken_OrHashedAsTheOneTokenItSpells()
    {
        Fuzz.Run(Presented, presented =>
        {
            string hash;
            try
            {
                hash = ActivationToken.HashOf(presented);
            }
            catch (DomainException refused) when (refused.Reason == HmisAccount.ActivationTokenInvalidReason)
            {
                Assert.False(ActivationToken.IsWellFormed(presented));
                return;
            }
            Assert.Equal(ActivationToken.Length, presented.Length);
            Assert.Equal(ActivationToken.Bytes, Base64Url.DecodeFromChars(presented).Length);
            Assert.Matches("^[0-9a-f]{64}$", hash);
            // One spelling per token: re-encoding what it decodes to gives it back, so no second text opens the same link.
            Assert.Equal(presented, Base64Url.EncodeToString(Base64Url.DecodeFromChars(presented)));
        }, output);
    }

    [Fact]
    public void NewTokens_AreWellFormed_AndHashAsThemselves()
    {
        Fuzz.Run(Gen.Int, _ =>
        {
            var token = ActivationToken.New();
            Assert.True(ActivationToken.IsWellFormed(token));
            Assert.Equal(ActivationToken.HashOf(token), ActivationToken.HashOf(new string(token.ToCharArray())));
        }, output);
    }
}
