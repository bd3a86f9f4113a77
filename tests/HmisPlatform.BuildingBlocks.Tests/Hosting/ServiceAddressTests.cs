using Microsoft.Extensions.Configuration;

namespace HmisPlatform.BuildingBlocks.Tests.Hosting;

/// <summary>Services are called over HTTPS where their configured addresses are HTTPS, as Production's are.</summary>
public sealed class ServiceAddressTests
{
    private static IConfiguration With(params string[] addresses) => new ConfigurationBuilder()
        .AddInMemoryCollection(addresses.Select((a, i) => KeyValuePair.Create<string, string?>($"services:credentialing-api:grpc:{i}", a)))
        .Build();

    [Fact]
    public void HttpsAddresses_AreCalledOverHttps() =>
        Assert.Equal("https://_grpc.credentialing-api/", PlatformTls.ServiceAddress(With("https://credentialing-api:8443"), "credentialing-api").ToString());

    [Theory]
    [InlineData]
    [InlineData("http://127.0.0.1:5071")]
    [InlineData("https://a:1", "http://b:2")]
    public void AnyPlainAddress_OrNone_MeansPlainHttp(params string[] addresses) =>
        Assert.Equal("http://_grpc.credentialing-api/", PlatformTls.ServiceAddress(With(addresses), "credentialing-api").ToString());
}
