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
}
