using HmisPlatform.BuildingBlocks.Grpc;

namespace HmisPlatform.BuildingBlocks.Tests.Grpc;

public sealed class PagingTests
{
    [Theory]
    [InlineData(0, 20)]
    [InlineData(-5, 20)]
    [InlineData(7, 7)]
    [InlineData(100, 100)]
    [InlineData(101, 100)]
    public void Size_IsTheAskedSize_TheDefaultWhenNone_AtMostTheMost(int requested, int size) =>
        Assert.Equal(size, Paging.Size(requested, defaultSize: 20, maxSize: 100));
}
