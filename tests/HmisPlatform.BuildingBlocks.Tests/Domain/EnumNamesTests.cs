using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.BuildingBlocks.Tests.Domain;

public sealed class EnumNamesTests
{
    private enum RequestType { HrsCe1474, NewAgencyUsers }

    [Theory]
    [InlineData("ConfirmCreditUse", "CONFIRM_CREDIT_USE")]
    [InlineData("HrsCe1474", "HRS_CE_1474")]
    [InlineData("Ssvf", "SSVF")]
    [InlineData("CoordinatedEntry1474", "COORDINATED_ENTRY_1474")]
    public void UpperSnake_WritesTheProtoStyleName(string member, string expected)
    {
        Assert.Equal(expected, EnumNames.UpperSnake(member));
    }

    [Fact]
    public void Prefixed_PutsTheEnumsOwnNameFirst_AsTheContractsValuesAre()
    {
        Assert.Equal("REQUEST_TYPE_HRS_CE_1474", EnumNames.Prefixed(RequestType.HrsCe1474));
        Assert.Equal("NEW_AGENCY_USERS", EnumNames.UpperSnake(RequestType.NewAgencyUsers));
    }
}
