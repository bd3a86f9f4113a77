using HmisPlatform.Credentialing.Domain.Accounts;

namespace HmisPlatform.Credentialing.Tests.Domain;

public sealed class UsernamesTests
{
    [Theory]
    [InlineData("Dana", "Whitfield", "dwhitfield")]
    [InlineData("José", "Núñez-García", "jnunezgarcia")]
    [InlineData("Mary Ann", "O'Brien", "mobrien")]
    [InlineData("A", "Verylongfamilynamethatgoeson", "averylongfamilynamet")]
    public void Base_FollowsTheConvention(string given, string family, string expected) =>
        Assert.Equal(expected, Usernames.Base(given, family));

    [Fact]
    public void FirstFree_SkipsEveryNameEverUsed() =>
        Assert.Equal("dwhitfield3", Usernames.FirstFree("dwhitfield", new HashSet<string> { "dwhitfield", "dwhitfield2" }));

    [Fact]
    public void Base_NoLettersAtAll_FallsBackToUser() =>
        Assert.Equal("user", Usernames.Base("李", "王"));
}
