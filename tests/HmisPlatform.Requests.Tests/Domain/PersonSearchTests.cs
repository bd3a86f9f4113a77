using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Requests.Domain.People;

namespace HmisPlatform.Requests.Tests.Domain;

public sealed class PersonSearchTests
{
    [Theory]
    [InlineData("noor", "%noor%")]
    [InlineData("  Noor   Haddad ", "%Noor Haddad%")]
    [InlineData("50%_off\\", "%50\\%\\_off\\\\%")]
    public void Query_BecomesOneLiteralPattern(string query, string pattern) => Assert.Equal(pattern, PersonSearch.Parse(query).Pattern);

    [Theory]
    [InlineData("")]
    [InlineData(" a ")]
    public void TooShortOrTooLong_IsRefusedOnTheQueryField(string query)
    {
        foreach (var q in new[] { query, new string('x', PersonSearch.MaxLength + 1) })
        {
            var error = Assert.Throws<DomainException>(() => PersonSearch.Parse(q));
            Assert.Equal((PersonSearch.InvalidQueryReason, "query"), (error.Reason, error.FieldViolations.Single().Field));
        }
    }
}
