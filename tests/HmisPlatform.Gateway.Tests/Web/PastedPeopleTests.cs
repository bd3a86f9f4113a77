using HmisPlatform.Gateway.Web;

namespace HmisPlatform.Gateway.Tests.Web;

/// <summary>The list an ATA pastes into the guided request, as a spreadsheet, a CSV file or a mail client gives it.</summary>
public sealed class PastedPeopleTests
{
    [Theory]
    [InlineData("Dana\tWhitfield\tdana.whitfield@lakeview.example.org")]
    [InlineData("Dana,Whitfield,dana.whitfield@lakeview.example.org")]
    [InlineData("\"Dana\", \"Whitfield\", dana.whitfield@lakeview.example.org")]
    [InlineData("Dana Whitfield <dana.whitfield@lakeview.example.org>")]
    [InlineData("dana.whitfield@lakeview.example.org, Dana Whitfield")]
    public void OneLine_InEachUsualShape_GivesNamesAndEmail(string line)
    {
        var (people, unreadable) = PastedPeople.Parse(line);

        Assert.Empty(unreadable);
        Assert.Equal(new PastedPerson(1, "Dana", "Whitfield", "dana.whitfield@lakeview.example.org"), Assert.Single(people));
    }

    [Fact]
    public void SeveralLines_KeepTheirNumbers_SkipBlankOnes_AndNameTheLinesWithoutAnEmail()
    {
        var (people, unreadable) = PastedPeople.Parse("Ana Maria Lopez <ana@lakeview.example.org>\r\n\r\nOmar Farouk\nNoor Haddad, noor@lakeview.example.org\n");

        Assert.Equal([new PastedPerson(1, "Ana Maria", "Lopez", "ana@lakeview.example.org"), new PastedPerson(4, "Noor", "Haddad", "noor@lakeview.example.org")], people);
        Assert.Equal([3], unreadable);
    }

    [Fact]
    public void ALineWithOnlyAnEmail_GivesEmptyNames_ForTheServiceToAskFor()
    {
        var (people, _) = PastedPeople.Parse("someone@lakeview.example.org");

        Assert.Equal(("", ""), (people[0].GivenName, people[0].FamilyName));
    }
}
