using HmisPlatform.Training.Contracts;

namespace HmisPlatform.Training.Tests.Contracts;

public sealed class ContractEnumsTests
{
    [Fact]
    public void EveryEnumOfTheContracts_HasItsPairInTheDomain_AndBack()
    {
        Assert.Empty(ContractEnums.Unpaired());
    }
}
