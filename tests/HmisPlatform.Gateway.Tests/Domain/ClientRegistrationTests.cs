using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Gateway.Domain;

namespace HmisPlatform.Gateway.Tests.Domain;

public sealed class ClientRegistrationTests
{
    private const string Agency = "0b6f3a51-2d6e-4a4e-9a54-6f0f8d1a0001";

    [Theory]
    [InlineData("abc")]
    [InlineData("lakeview-case-system")]
    [InlineData("a1-2-3")]
    public void ClientId_OfLowercaseLettersDigitsAndHyphens_IsAccepted(string clientId) =>
        Assert.Equal(clientId, ClientRegistration.Create(clientId, "Case system", Agency, [PlatformIdentity.RequestsRead]).ClientId);

    [Theory]
    [InlineData("ab")]
    [InlineData("-leading")]
    [InlineData("trailing-")]
    [InlineData("Upper")]
    [InlineData("with space")]
    [InlineData("ünïcode")]
    public void ClientId_OtherwiseShaped_IsRefused(string clientId)
    {
        var error = Assert.Throws<DomainException>(() => ClientRegistration.Create(clientId, "Case system", Agency, [PlatformIdentity.RequestsRead]));

        Assert.Equal(ClientRegistration.InvalidClientIdReason, error.Reason);
        Assert.Equal("client_id", Assert.Single(error.FieldViolations).Field);
    }

    [Fact]
    public void ClientId_LongerThan64_IsRefused() =>
        Assert.Throws<DomainException>(() => ClientRegistration.Create(new string('a', 65), "Case system", Agency, [PlatformIdentity.RequestsRead]));

    [Fact]
    public void ReviewScope_BelongsToTheHmisTeam_NotToAnAgencySystem()
    {
        var error = Assert.Throws<DomainException>(() =>
            ClientRegistration.Create("case-system", "Case system", Agency, [PlatformIdentity.RequestsRead, PlatformIdentity.RequestsReview]));

        Assert.Equal("scopes[1]", Assert.Single(error.FieldViolations).Field);
    }

    [Fact]
    public void RepeatedScopes_AreKeptOnce() =>
        Assert.Equal([PlatformIdentity.RequestsRead],
            ClientRegistration.Create("case-system", " Case system ", Agency, [PlatformIdentity.RequestsRead, PlatformIdentity.RequestsRead]).Scopes);

    [Fact]
    public void StatedReason_IsRequiredAndBounded()
    {
        Assert.Equal("reason", Assert.Single(Assert.Throws<DomainException>(() => StatedReason.Parse("  ")).FieldViolations).Field);
        Assert.Throws<DomainException>(() => StatedReason.Parse(new string('x', StatedReason.MaxLength + 1)));
        Assert.Equal("Contract ended", StatedReason.Parse(" Contract ended "));
    }

    [Fact]
    public void Secrets_AreLongUrlSafeAndNeverTheSame()
    {
        var secrets = Enumerable.Range(0, 100).Select(_ => ClientRegistration.NewSecret()).ToList();

        Assert.Equal(100, secrets.Distinct().Count());
        Assert.All(secrets, s => Assert.Matches("^[A-Za-z0-9_-]{43}$", s));
    }

    [Theory]
    [InlineData("https://cases.lakeview.example.org/hmis/callback")]
    [InlineData("http://127.0.0.1:8765/callback")]
    [InlineData("http://[::1]:8765/callback")]
    public void RedirectUri_Https_OrLoopbackHttp_IsAccepted(string uri) =>
        Assert.Equal(new Uri(uri), Assert.Single(ClientRegistration.Create("case-system", "Case system", Agency, [PlatformIdentity.RequestsRead], [uri]).RedirectUris));

    [Theory]
    [InlineData("http://cases.lakeview.example.org/callback")]
    [InlineData("https://cases.lakeview.example.org/callback#fragment")]
    [InlineData("https://user:secret@cases.lakeview.example.org/callback")]
    [InlineData("/relative/callback")]
    [InlineData("javascript:alert(1)")]
    public void RedirectUri_Otherwise_IsRefusedOnItsField(string uri)
    {
        var error = Assert.Throws<DomainException>(() => ClientRegistration.Create("case-system", "Case system", Agency, [PlatformIdentity.RequestsRead], [uri]));

        Assert.Equal((ClientRegistration.InvalidRedirectUriReason, "redirect_uris[0]"), (error.Reason, Assert.Single(error.FieldViolations).Field));
    }
}
