using HmisPlatform.BuildingBlocks.Contracts;

namespace HmisPlatform.BuildingBlocks.Tests.Contracts;

public sealed class EnumMappingTests
{
    private enum ContractColour { Unspecified = 0, DeepRed = 1, Blue = 2 }

    // The domain numbers its members its own way: only the names pair.
    private enum Colour { Unspecified = 0, Blue = 10, DeepRed = 20 }

    private enum ContractShape { Unspecified = 0, Circle = 1, Square = 2 }

    private enum Shape { Circle = 1, Triangle = 3 }

    [Fact]
    public void Members_PairByName_WhateverTheirNumbers()
    {
        Assert.Equal(Colour.DeepRed, EnumMapping<ContractColour, Colour>.ToDomain(ContractColour.DeepRed));
        Assert.Equal(Colour.Blue, EnumMapping<ContractColour, Colour>.ToDomain(ContractColour.Blue));
        Assert.Equal(ContractColour.DeepRed, EnumMapping<ContractColour, Colour>.ToContract(Colour.DeepRed));
        Assert.Empty(EnumMapping<ContractColour, Colour>.Unpaired());
    }

    [Fact]
    public void AnUnknownNumberFromANewerClient_IsTheDomainsUnspecified()
    {
        Assert.Equal(Colour.Unspecified, EnumMapping<ContractColour, Colour>.ToDomain((ContractColour)42));
    }

    [Fact]
    public void MembersWithoutAPair_AreNamed_ButNotTheContractsNotSet_AndTheDomainOnesCannotBeSent()
    {
        Assert.Equal(["ContractShape.Square", "Shape.Triangle"],
            EnumMapping<ContractShape, Shape>.Unpaired().Select(n => n[(n.LastIndexOf('+') + 1)..]));
        Assert.Equal(default, EnumMapping<ContractShape, Shape>.ToDomain(ContractShape.Square));
        Assert.Equal(default, EnumMapping<ContractShape, Shape>.ToDomain(ContractShape.Unspecified));
        Assert.Throws<InvalidOperationException>(() => EnumMapping<ContractShape, Shape>.ToContract(Shape.Triangle));
    }
}

public sealed class CommonEnumsTests
{
    [Fact]
    public void TheContinuumsSharedEnums_HaveTheirPairsInTheDomain_AndBack()
    {
        Assert.Empty(CommonEnums.Unpaired());
    }
}
