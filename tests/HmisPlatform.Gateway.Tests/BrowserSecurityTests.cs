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

/// <summary>A production gateway reached over plain HTTP (say, by a misconfigured proxy).</summary>
public sealed class ProductionOverPlainHttpGatewayFixture : GatewayFixture
{
    protected override void Configure(Microsoft.AspNetCore.Hosting.IWebHostBuilder web) =>
        Microsoft.AspNetCore.Hosting.HostingAbstractionsWebHostBuilderExtensions.UseEnvironment(web, "Production");
}

/// <summary>ASVS 5.0 V3.3.1 and V12: in Production the session and its tokens travel over HTTPS only, and browsers are told to keep to it.</summary>
public sealed class ProductionTransportTests(ProductionGatewayFixture gateway, ProductionOverPlainHttpGatewayFixture plainHttp)
    : IClassFixture<ProductionGatewayFixture>, IClassFixture<ProductionOverPlainHttpGatewayFixture>
{
    [Fact]
    public async Task InProduction_BrowsersAreToldToUseHttpsOnly()
    {
        using var http = gateway.CreateHttpClient();

        using var response = await http.GetAsync("/account/sign-in");

        Assert.Equal($"max-age={(int)SecurityHeaders.StrictTransportSecurityMaxAge.TotalSeconds}; includeSubDomains",
            response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task InProduction_TheSessionCookie_IsSecure_EvenIfTheSignInCameOverHttp()
    {
        using var browser = new StaffBrowser(plainHttp.CreateBrowser());

        using var response = await browser.SignInAsync(Staff.DemoStaff.LakeviewAta.Email, Staff.DemoStaff.Password);

        var session = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("hmis.session=", StringComparison.Ordinal));
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
    }
}
