using System.Net;
using HmisPlatform.Gateway.Security;
using HmisPlatform.Testing;

namespace HmisPlatform.Gateway.Tests;

/// <summary>What browsers are told: no framing, no sniffing, a strict content policy, and no cross-origin API calls.</summary>
public sealed class BrowserSecurityTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/account/sign-in")]
    [InlineData("/api/index.html")]
    public async Task Pages_CarryTheSecurityHeaders(string path)
    {
        using var http = gateway.CreateHttpClient();

        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task CrossOriginPreflight_GetsNoPermission()
    {
        using var http = gateway.CreateHttpClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/v1/access-requests");
        preflight.Headers.Add("Origin", "https://elsewhere.example.com");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");

        using var response = await http.SendAsync(preflight);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task SessionCookie_IsHttpOnlyAndSameSiteStrict()
    {
        using var browser = new StaffBrowser(gateway.CreateBrowser());

        using var response = await browser.SignInAsync(Staff.DemoStaff.LakeviewAta.Email, Staff.DemoStaff.Password);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("hmis.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }
}
