using HmisPlatform.Credentialing.Contracts;

namespace HmisPlatform.Credentialing.Tests.Contracts;

public sealed class ContractEnumsTests
{
    [Fact]
    public void EveryEnumOfTheContracts_HasItsPairInTheDomain_AndBack()
    {
        Assert.Empty(ContractEnums.Unpaired());
    }
}
