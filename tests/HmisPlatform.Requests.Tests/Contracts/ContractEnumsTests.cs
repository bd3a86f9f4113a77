using HmisPlatform.Requests.Contracts;

namespace HmisPlatform.Requests.Tests.Contracts;

public sealed class ContractEnumsTests
{
    [Fact]
    public void EveryEnumOfTheContracts_HasItsPairInTheDomain_AndBack()
    {
        Assert.Empty(ContractEnums.Unpaired());
    }
}
