using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Grpc.Core;
using Hmis.Requests.V1;
using HmisPlatform.Gateway.Identity;
using HmisPlatform.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace HmisPlatform.Gateway.Tests;

/// <summary>The gateway with two configured signing certificates, the one being retired and its successor.</summary>
public sealed class RotatingKeysGatewayFixture : GatewayFixture
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hmis-keys-").FullName;

    public X509Certificate2 Retiring { get; } = TestCertificates.SelfSigned("CN=hmis-retiring", DateTimeOffset.UtcNow.AddDays(-90), DateTimeOffset.UtcNow.AddDays(10));

    public X509Certificate2 Successor { get; } = TestCertificates.SelfSigned("CN=hmis-successor");

    protected override void Configure(IWebHostBuilder web)
    {
        Retiring.WritePfx(_folder, "1-retiring.pfx");
        Successor.WritePfx(_folder, "2-successor.pfx");
        web.UseSetting(SigningKeys.FolderSetting, _folder);
        web.UseSetting(SigningKeys.PasswordSetting, TestCertificates.Password);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        TemporaryFolders.Delete(_folder);
    }
}

/// <summary>Keys rotate without breaking callers: both are published, and a token signed with either is accepted.</summary>
public sealed class SigningKeyRotationTests(RotatingKeysGatewayFixture gateway) : IClassFixture<RotatingKeysGatewayFixture>
{
    [Trait("ASVS", "9.1.3")]
    [Fact]
    public async Task BothConfiguredKeys_ArePublished_AndTokensSignedWithEitherAreAccepted()
    {
        using var http = gateway.CreateHttpClient();
        var keys = (await http.GetFromJsonAsync<JsonObject>("/.well-known/jwks"))!["keys"]!.AsArray()
            .Select(k => k!["x5t"]?.GetValue<string>()).ToList();
        Assert.Contains(Base64UrlEncoder.Encode(gateway.Retiring.GetCertHash()), keys);
        Assert.Contains(Base64UrlEncoder.Encode(gateway.Successor.GetCertHash()), keys);

        var issued = await gateway.TokenAsync(DemoClients.LakeviewClientId, DemoClients.LakeviewSecret);
        foreach (var certificate in new[] { gateway.Retiring, gateway.Successor })
        {
            var token = ResignedTokens.Resign(issued, new X509SigningCredentials(certificate));
            var client = new AccessRequests.AccessRequestsClient(gateway.ChannelWithToken(token));
            var outcome = await Record.ExceptionAsync(() => client.GetJourneyAsync(new GetJourneyRequest { PersonId = Guid.NewGuid().ToString() }).ResponseAsync);
            Assert.NotEqual(StatusCode.Unauthenticated, Assert.IsType<RpcException>(outcome).StatusCode);
        }
    }
}
