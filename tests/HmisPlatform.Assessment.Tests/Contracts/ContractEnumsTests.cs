using HmisPlatform.Assessment.Contracts;

namespace HmisPlatform.Assessment.Tests.Contracts;

public sealed class ContractEnumsTests
{
    [Fact]
    public void EveryEnumOfTheContracts_HasItsPairInTheDomain_AndBack()
    {
        Assert.Empty(ContractEnums.Unpaired());
    }
}
