using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Grpc;

namespace HmisPlatform.BuildingBlocks.Tests.Grpc;

/// <summary>Every list pages one way: a bounded size, and an opaque keyset token that reads back to the position it names.</summary>
public sealed class PagingTests
{
    [Theory]
    [InlineData(0, 50)]
    [InlineData(-3, 50)]
    [InlineData(20, 20)]
    [InlineData(900, 200)]
    public void PageSize_IsTheDefault_WhatWasAsked_OrTheMost(int requested, int expected) =>
        Assert.Equal(expected, Paging.Size(requested, defaultSize: 50, maxSize: 200));

    [Fact]
    public void Tokens_ReadBackToTheirPosition_AndAreUrlSafe()
    {
        var at = new DateTimeOffset(2026, 12, 6, 10, 0, 0, 123, TimeSpan.Zero);
        var id = Guid.CreateVersion7(at);

        Assert.Equal((at, id), Paging.TimeAndId(Paging.Token(at, id)));
        Assert.Equal(id, Paging.Id(Paging.Token(id)));
        Assert.Equal(long.MaxValue - 7, Paging.Sequence(Paging.Token(long.MaxValue - 7)));
        Assert.All([Paging.Token(at, id), Paging.Token(id), Paging.Token(41L)], t => Assert.Matches("^[A-Za-z0-9_-]+$", t));
    }

    [Fact]
    public void NoToken_IsTheFirstPage()
    {
        Assert.Null(Paging.TimeAndId(""));
        Assert.Null(Paging.Id(""));
        Assert.Null(Paging.Sequence(""));
    }

    [Theory]
    [InlineData("not a token")]
    [InlineData("page-2")]
    [InlineData("AAAAAAAAAAA=")]
    [InlineData("0194a5e2-7c1d-7b3e-9a51-2f6e8d1a0001")]
    public void AnythingElse_OrAnotherListsToken_IsRefusedNamingTheField(string token)
    {
        var errors = new[]
        {
            Assert.Throws<DomainException>(() => Paging.TimeAndId(token)),
            Assert.Throws<DomainException>(() => Paging.Id(token)),
            Assert.Throws<DomainException>(() => Paging.Sequence(token)),
            Assert.Throws<DomainException>(() => Paging.TimeAndId(Paging.Token(7L))),
            Assert.Throws<DomainException>(() => Paging.Sequence(Paging.Token(Guid.NewGuid()))),
        };

        Assert.All(errors, e => Assert.Equal((Paging.InvalidPageTokenReason, "page_token"), (e.Reason, e.FieldViolations.Single().Field)));
    }

    [Fact]
    public void APage_ReadOneRowMore_AnswersItsSize_AndTheNextToken_OnlyWhenThereIsMore()
    {
        int[] rows = [1, 2, 3, 4];

        var (more, next) = Paging.Page(rows, 3, r => Paging.Token(r));
        var (last, none) = Paging.Page(rows[..3], 3, r => Paging.Token(r));

        Assert.Equal([1, 2, 3], more);
        Assert.Equal(3, Paging.Sequence(next));
        Assert.Equal([1, 2, 3], last);
        Assert.Equal("", none);
    }
}
