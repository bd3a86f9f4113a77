using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Grpc.Net.Client;
using HmisPlatform.Testing;

namespace HmisPlatform.EndToEnd.Tests;

/// <summary>
/// The real AppHost in local mode, on its own data folder and free ports, with every resource healthy.
/// Stopping it stops Postgres, Redis and every service it started.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);
    private DistributedApplication? _app;
    private string? _dataDirectory;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("Not started.");

    public GrpcChannel Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _dataDirectory = Directory.CreateTempSubdirectory("hmis-e2e-").FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_dataDirectory, (UnixFileMode)0b111_101_101);
        }
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.HmisPlatform_AppHost>(
        [
            "--Infrastructure:Mode=local",
            $"--Infrastructure:DataDirectory={_dataDirectory}",
            $"--Infrastructure:PostgresPort={FreePort.Next()}",
            $"--Infrastructure:RedisPort={FreePort.Next()}",
        ]);
        _app = await builder.BuildAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        await _app.StartAsync(timeout.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Gateway, timeout.Token);
        using var http = _app.CreateHttpClient(ResourceNames.Gateway, "http");
        AccessToken = await GatewayTokens.TokenAsync(http, GatewayTokens.DemoClientId, GatewayTokens.DemoClientSecret,
            PlatformIdentity.Scopes.Where(s => s is not (PlatformIdentity.RequestsReview or PlatformIdentity.RequestsCeDecide)));
        HmisTeamToken = await GatewayTokens.TokenAsync(http, GatewayTokens.ReviewDeskClientId, GatewayTokens.ReviewDeskSecret, PlatformIdentity.Scopes);
        Gateway = ChannelTo(ResourceNames.Gateway, AccessToken);
        HmisTeamGateway = ChannelTo(ResourceNames.Gateway, HmisTeamToken);
    }

    /// <summary>The demo agency system's access token (Lakeview), from the gateway's token endpoint.</summary>
    public string AccessToken { get; private set; } = "";

    /// <summary>The gateway's HTTP endpoint: sign-in, HTTP/JSON, the token endpoint.</summary>
    public Uri GatewayHttp => App.GetEndpoint(ResourceNames.Gateway, "http");

    /// <summary>The HMIS team review desk's access token.</summary>
    public string HmisTeamToken { get; private set; } = "";

    /// <summary>The gateway as the HMIS team's review desk calls it.</summary>
    public GrpcChannel HmisTeamGateway { get; private set; } = null!;

    /// <summary>A gRPC channel to a resource's HTTP/2 endpoint whose calls carry the token, or none.</summary>
    public GrpcChannel ChannelTo(string resource, string? token) =>
        GrpcChannel.ForAddress(App.GetEndpoint(resource, ResourceNames.GrpcEndpoint), new GrpcChannelOptions
        {
            HttpHandler = new BearerTokenHandler(token, new SocketsHttpHandler()),
        });

    public Task StopRedisAsync() => RunAsync(KnownResourceCommands.StopCommand, KnownResourceStates.Exited, KnownResourceStates.Finished);

    public async Task StartRedisAsync()
    {
        await RunAsync(KnownResourceCommands.StartCommand, KnownResourceStates.Running);
        await App.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Redis).WaitAsync(TimeSpan.FromMinutes(1));
    }

    private async Task RunAsync(string command, params string[] expectedStates)
    {
        var result = await App.ResourceCommands.ExecuteCommandAsync(ResourceNames.Redis, command);
        Assert.True(result.Success, result.Message);
        await App.ResourceNotifications.WaitForResourceAsync(ResourceNames.Redis, expectedStates).WaitAsync(TimeSpan.FromMinutes(1));
    }

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        HmisTeamGateway?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        if (_dataDirectory is not null)
        {
            TemporaryFolders.Delete(_dataDirectory);
        }
    }
}
