using System.Net.Mail;
using CsCheck;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Testing;
using Xunit.Abstractions;

namespace HmisPlatform.BuildingBlocks.Tests.Fuzzing;

/// <summary>
/// Fuzz target: e-mail normalisation, which decides whose agency an address belongs to and which account it finds.
/// Whatever comes in, it is refused as EMAIL_INVALID or comes out as one plain address whose domain is where the mail goes.
/// </summary>
[Trait("ASVS", "2.2.3")]
public sealed class EmailAddressFuzzTests(ITestOutputHelper output)
{
    private static readonly Gen<string> Part = Gen.OneOf(Fuzz.Text(12), Gen.Char['a', 'z'].Array[1, 8].Select(c => new string(c)));

    /// <summary>Address-shaped text (parts around '@' and '.', quotes, padding) and arbitrary text.</summary>
    private static readonly Gen<string> Addresses = Gen.OneOf(
        Gen.Select(Part, Part, Part, Fuzz.Text(3), (local, host, tld, pad) => $"{pad}{local}@{host}.{tld}{pad}"),
        Gen.Select(Part, Part, Part, (quoted, local, host) => $"\"{quoted}@{host}.org\"@{local}.org"),
        Gen.Select(Part, Part, (a, b) => $"{a}@{b}@lakeview.example.org"),
        Fuzz.Text(80));

    [Fact]
    public void AnyText_IsRefusedAsInvalid_OrBecomesOnePlainAddress_WhoseDomainIsWhereTheMailGoes()
    {
        Fuzz.Run(Addresses, raw =>
        {
            EmailAddress parsed;
            try
            {
                parsed = EmailAddress.Parse(raw, "email");
            }
            catch (DomainException refused) when (refused.Reason == EmailAddress.InvalidReason)
            {
                Assert.Equal("email", Assert.Single(refused.FieldViolations).Field);
                return;
            }
            var value = parsed.Value;
            Assert.True(value.Length is > 0 and <= 254);
            Assert.True(value.All(c => char.IsAscii(c) && !char.IsControl(c) && !char.IsWhiteSpace(c) && !char.IsUpper(c)), value);
            Assert.Equal(1, value.Count(c => c == '@'));
            Assert.Equal(new MailAddress(value).Host, parsed.Domain);
            Assert.Equal(parsed, EmailAddress.Parse($"  {value.ToUpperInvariant()} ", "email"));
        }, output);
    }
}
