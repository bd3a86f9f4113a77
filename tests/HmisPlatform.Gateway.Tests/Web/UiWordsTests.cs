using Hmis.Common.V1;
using Hmis.Requests.V1;
using HmisPlatform.Gateway.Web;

namespace HmisPlatform.Gateway.Tests.Web;

/// <summary>How the pages name the process's terms: contract enum values and service codes in words people use.</summary>
public sealed class UiWordsTests
{
    [Theory]
    [InlineData(ProjectType.Ssvf, "SSVF")]
    [InlineData(ProjectType.HousingPshRrhFamilies, "Housing (PSH/RRH), families")]
    [InlineData(ProjectType.CoordinatedEntry1474, "Coordinated Entry (HRS 1474)")]
    public void ProjectTypes_KeepTheirAcronyms(ProjectType project, string expected) => Assert.Equal(expected, Ui.Words(project));

    [Fact]
    public void OtherEnums_AreTheirNameWithoutPrefix_InSentenceCase() =>
        Assert.Equal("Returning user", Ui.Words(RequestType.ReturningUser));

    [Fact]
    public void ServiceCodes_AreSentenceCase() => Assert.Equal("Confirm credit use", Ui.Words("CONFIRM_CREDIT_USE"));

    [Fact]
    public void ServiceCodes_KeepTheCeAcronym() => Assert.Equal("CE approve", Ui.Words("CE_APPROVE"));

    [Fact]
    public void EnumValues_KeepTheAcronyms() => Assert.Equal("Awaiting CE decision", Ui.Words(AccessRequestStatus.AwaitingCeDecision));

    [Theory]
    // Chicago calendar days: 23:30 CST on the 5th is "yesterday" at 00:30 CST on the 6th, though only an hour before.
    [InlineData("2026-12-06T05:30:00Z", "2026-12-06T06:30:00Z", "yesterday")]
    [InlineData("2026-12-06T07:00:00Z", "2026-12-06T22:00:00Z", "today")]
    [InlineData("2026-12-01T15:00:00Z", "2026-12-06T15:00:00Z", "5 days ago")]
    [InlineData("2026-12-08T15:00:00Z", "2026-12-06T15:00:00Z", "in 2 days")]
    public void Relative_CountsTheContinuumsCalendarDays(string at, string now, string expected) =>
        Assert.Equal(expected, Ui.Relative(Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)),
            DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(new[] { "Dana Whitfield" }, "Dana Whitfield")]
    [InlineData(new[] { "Dana Whitfield", "Omar Farouk", "Noor Haddad" }, "Dana Whitfield, Omar Farouk, Noor Haddad")]
    [InlineData(new[] { "Dana Whitfield", "Omar Farouk", "Noor Haddad", "Ines Okafor" }, "Dana Whitfield, Omar Farouk and 2 more")]
    public void Names_ShowUpToThree_ThenHowManyMore(string[] names, string expected) => Assert.Equal(expected, Ui.Names(names));

    [Fact]
    public void References_OfIdsMadeInTheSameMoment_Differ()
    {
        var at = DateTimeOffset.UtcNow;

        var references = Enumerable.Range(0, 20).Select(_ => Ui.Reference(Guid.CreateVersion7(at).ToString())).ToList();

        Assert.Equal(references.Count, references.Distinct().Count());
        Assert.All(references, r => Assert.Matches("^[0-9A-F]{8}$", r));
    }
}
