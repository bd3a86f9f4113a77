using System.Net;
using HmisPlatform.Gateway.Security;
using HmisPlatform.Testing;

namespace HmisPlatform.Gateway.Tests;

/// <summary>What browsers are told: no framing, no sniffing, a strict content policy, and no cross-origin API calls.</summary>
public sealed class BrowserSecurityTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Trait("ASVS", "3.4.1")]
    [Trait("ASVS", "3.4.6")]
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

    [Trait("ASVS", "3.5.2")]
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

    [Trait("ASVS", "3.3.1")]
    [Trait("ASVS", "3.3.2")]
    [Fact]
    public async Task SessionCookie_IsHttpOnlyAndSameSiteStrict()
    {
        var person = await gateway.NewPersonAsync(Gateway.Domain.StaffRoles.Ata, Guid.Parse(Gateway.Identity.DemoClients.LakeviewAgencyId));
        using var browser = new StaffBrowser(gateway.CreateBrowser());

        using var response = await browser.SignInAsync(person.Email!, Staff.DemoStaff.Password);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("hmis.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>ASVS 5.0 V3.3.1, V3.4.1 and V12.1: in Production people's traffic is HTTPS only, and browsers are told to keep to it.</summary>
public sealed class ProductionTransportTests(ProductionGatewayFixture gateway) : IClassFixture<ProductionGatewayFixture>
{
    [Trait("ASVS", "3.3.1")]
    [Trait("ASVS", "3.4.1")]
    [Fact]
    public async Task InProduction_BrowsersAreToldToUseHttpsOnly()
    {
        using var http = gateway.CreateHttpClient();

        using var response = await http.GetAsync("/account/sign-in");

        Assert.Equal($"max-age={(int)GatewayTransport.StrictTransportSecurityMaxAge.TotalSeconds}; includeSubDomains",
            response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Trait("ASVS", "3.3.1")]
    [Trait("ASVS", "3.4.1")]
    [Fact]
    public async Task InProduction_TheSessionAndAntiforgeryCookies_AreSecure()
    {
        var person = await gateway.NewPersonAsync(Gateway.Domain.StaffRoles.Ata, Guid.Parse(Gateway.Identity.DemoClients.LakeviewAgencyId));
        using var browser = new StaffBrowser(gateway.CreateBrowser());

        using var page = await browser.Http.GetAsync("/account/sign-in");
        using var signedIn = await browser.SignInAsync(person.Email!, Staff.DemoStaff.Password);

        var antiforgery = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("hmis.antiforgery=", StringComparison.Ordinal));
        var session = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("hmis.session=", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
    }

    [Trait("ASVS", "12.1.1")]
    [Trait("ASVS", "12.2.1")]
    [Fact]
    public async Task InProduction_PlainHttp_IsSentToHttps_UnlessTheTrustedProxySaysThePersonUsedHttps()
    {
        using var plain = gateway.CreateBrowser(new Uri("http://hmis.example.org"));

        using var direct = await plain.GetAsync("/account/sign-in");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, direct.StatusCode);
        Assert.Equal("https://hmis.example.org/account/sign-in", direct.Headers.Location!.ToString());

        using var throughTheProxy = new HttpRequestMessage(HttpMethod.Get, "/account/sign-in") { Headers = { { "X-Forwarded-Proto", "https" } } };
        Assert.Equal(HttpStatusCode.OK, (await plain.SendAsync(throughTheProxy)).StatusCode);

        // Anyone else's X-Forwarded-Proto is not believed.
        using var spoofed = new HttpRequestMessage(HttpMethod.Get, "/account/sign-in")
        {
            Headers = { { "X-Forwarded-Proto", "https" }, { ProductionGatewayFixture.RemoteAddressHeader, "203.0.113.9" } },
        };
        Assert.Equal(HttpStatusCode.TemporaryRedirect, (await plain.SendAsync(spoofed)).StatusCode);

        // The orchestrator's probes reach the pod directly, over plain HTTP.
        Assert.NotEqual(HttpStatusCode.TemporaryRedirect, (await plain.GetAsync("/alive")).StatusCode);
    }
}
