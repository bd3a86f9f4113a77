using Grpc.Reflection.V1;

namespace HmisPlatform.Gateway.Tests;

/// <summary>
/// A client that knows only the gateway's address learns the contracts by reflection, the error details every refusal
/// carries (google.rpc) included, so tools such as grpcurl show a refusal's reason and field violations decoded.
/// </summary>
public sealed class ReflectionTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private async Task<ServerReflectionResponse> AskAsync(ServerReflectionRequest request)
    {
        var client = new ServerReflection.ServerReflectionClient(gateway.ChannelWithToken(null));
        using var call = client.ServerReflectionInfo();
        await call.RequestStream.WriteAsync(request);
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        return call.ResponseStream.Current;
    }

    [Theory]
    [InlineData("google.rpc.ErrorInfo")]
    [InlineData("google.rpc.BadRequest")]
    [InlineData("google.rpc.PreconditionFailure")]
    [InlineData("google.rpc.Status")]
    public async Task TheErrorDetailTypes_AreDescribed(string type)
    {
        var answer = await AskAsync(new ServerReflectionRequest { FileContainingSymbol = type });

        Assert.Equal(ServerReflectionResponse.MessageResponseOneofCase.FileDescriptorResponse, answer.MessageResponseCase);
        var files = answer.FileDescriptorResponse.FileDescriptorProto.Select(Google.Protobuf.Reflection.FileDescriptorProto.Parser.ParseFrom).ToList();
        Assert.Contains(files, f => f.Package == "google.rpc" && f.MessageType.Any(m => "google.rpc." + m.Name == type));
    }

    [Fact]
    public async Task TheListedServices_AreStillOnlyThePublicContracts()
    {
        var answer = await AskAsync(new ServerReflectionRequest { ListServices = "" });

        var services = answer.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("hmis.requests.v1.AccessRequests", services);
        Assert.DoesNotContain(services, s => s.StartsWith("google.rpc", StringComparison.Ordinal) || s.StartsWith("hmis.gateway", StringComparison.Ordinal));
    }
}
