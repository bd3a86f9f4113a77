using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Requests.Domain.AccessRequests;

namespace HmisPlatform.Requests.Tests.Domain;

public sealed class AgencyEmailTests
{
    [Fact]
    public void Parse_CaseAndSpaces_GiveOneForm() =>
        Assert.Equal(AgencyEmail.Parse("dana@agency.org", "e"), AgencyEmail.Parse("  Dana@AGENCY.org ", "e"));

    [Theory]
    [InlineData("dаna@agency.org")] // Cyrillic a
    [InlineData("dana@agency")]
    [InlineData("not an email")]
    [InlineData("")]
    public void Parse_LookAlikesAndMalformed_AreRefused(string raw)
    {
        var error = Assert.Throws<DomainException>(() => AgencyEmail.Parse(raw, "users[0].email"));
        Assert.Equal("users[0].email", Assert.Single(error.FieldViolations).Field);
    }
}
