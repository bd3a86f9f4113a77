using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.BuildingBlocks.Tests.Domain;

public sealed class EmailAddressTests
{
    [Fact]
    public void Parse_CaseAndSpaces_GiveOneForm() =>
        Assert.Equal(EmailAddress.Parse("dana@agency.org", "e"), EmailAddress.Parse("  Dana@AGENCY.org ", "e"));

    [Trait("ASVS", "2.2.3")]
    [Theory]
    [InlineData("dаna@agency.org")] // Cyrillic a
    [InlineData("dana@agency")]
    [InlineData("not an email")]
    [InlineData("")]
    // Found by the fuzz target: a quoted local part shows one domain and mails another.
    [InlineData("\"dana@evil.example\"@agency.org")]
    [InlineData("\"@.org\"@5}.org")]
    [InlineData("dana@evil.example@agency.org")]
    public void Parse_LookAlikesAndMalformed_AreRefused(string raw)
    {
        var error = Assert.Throws<DomainException>(() => EmailAddress.Parse(raw, "users[0].email"));
        Assert.Equal("users[0].email", Assert.Single(error.FieldViolations).Field);
    }
}
