using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Grpc.Net.Client;
using HmisPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace HmisPlatform.EndToEnd.Tests;

/// <summary>
/// The real AppHost in local mode, on its own data folder and free ports, with every resource healthy.
/// Stopping it stops Postgres, Redis and every service it started.
/// </summary>
public sealed class PlatformFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);
    private DistributedApplication? _app;
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>The processes a test stops or crashes on purpose, whose exit is not news.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _stoppedOnPurpose = new();
    private string? _dataDirectory;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("Not started.");

    public GrpcChannel Gateway { get; private set; } = null!;

    /// <summary>The demo ATAs' and Supervisor's authenticator keys, as the README publishes them for the demo.</summary>
    public static IReadOnlyDictionary<string, string> DemoAuthenticators => JourneyDriver.DemoAuthenticators;

    public async Task InitializeAsync()
    {
        foreach (var (email, key) in DemoAuthenticators)
        {
            Authenticators.Remember(email, key);
        }
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
            $"--MailCatcher:SmtpPort={FreePort.Next()}",
            // The journey simulator drives hundreds of people through three callers (the ATA, the HMIS team, the LMS).
            "--Gateway:PermitLimit=1000000",
        ]);
        // The services' own logs stay with the orchestrator (ResourceLoggerService, which the tests read); only their
        // warnings and errors reach the test run's output, which otherwise formats hundreds of thousands of lines.
        builder.Services.AddLogging(logging => logging
            .AddFilter("HmisPlatform.AppHost.Resources", LogLevel.Warning)
            .AddFilter("System.Net.Http.HttpClient", LogLevel.Warning));
        _app = await builder.BuildAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            await _app.StartAsync(timeout.Token);
            await Task.WhenAll(ResourceNames.Processes.Select(p => _app.ResourceNotifications.WaitForResourceHealthyAsync(p, timeout.Token)));
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"The platform did not start within {StartTimeout.TotalMinutes} minutes. Resources: {DescribeResources()}");
        }
        _ = ReportUnexpectedExitsAsync(_stopping.Token);
        using var http = _app.CreateHttpClient(ResourceNames.Gateway, "http");
        (AccessToken, HmisTeamToken, LmsToken) = await GatewayTokens.DemoTokensAsync(http);
        LmsGateway = ChannelTo(ResourceNames.Gateway, LmsToken);
        Gateway = ChannelTo(ResourceNames.Gateway, AccessToken);
        HmisTeamGateway = ChannelTo(ResourceNames.Gateway, HmisTeamToken);
    }

    /// <summary>The gateway as the demo LMS integration calls it: course progress.</summary>
    public GrpcChannel LmsGateway { get; private set; } = null!;

    private string LmsToken { get; set; } = "";

    /// <summary>A journey driver on this platform's gateway.</summary>
    public JourneyDriver Driver() => new(Gateway, HmisTeamGateway, LmsGateway, GatewayHttp, App.GetEndpoint(ResourceNames.Gateway, ResourceNames.GrpcEndpoint), Mail());

    /// <summary>
    /// A journey driver whose every call, told UNAVAILABLE or 503, is sent again the same way (<see cref="RetryingCalls"/>),
    /// as a well-behaved agency system's would be: what journeys through a fault use.
    /// </summary>
    public JourneyDriver RetryingDriver()
    {
        lock (_retryingGate)
        {
            _retrying ??= (ChannelTo(ResourceNames.Gateway, AccessToken, retryWhenUnavailable: true),
                ChannelTo(ResourceNames.Gateway, HmisTeamToken, retryWhenUnavailable: true),
                ChannelTo(ResourceNames.Gateway, LmsToken, retryWhenUnavailable: true));
        }
        var (gateway, hmisTeam, lms) = _retrying.Value;
        return new(gateway, hmisTeam, lms, GatewayHttp, App.GetEndpoint(ResourceNames.Gateway, ResourceNames.GrpcEndpoint), Mail(), retryWhenUnavailable: true);
    }

    private (GrpcChannel Gateway, GrpcChannel HmisTeam, GrpcChannel Lms)? _retrying;
    private readonly Lock _retryingGate = new();

    /// <summary>The e-mail this platform sent, as its mail catcher caught it.</summary>
    public JourneyMail Mail() => new(() => App.CreateHttpClient(ResourceNames.MailCatcher, "http"), HmisTeamGateway);

    /// <summary>The demo agency system's access token (Lakeview), from the gateway's token endpoint.</summary>
    public string AccessToken { get; private set; } = "";

    /// <summary>The gateway's HTTP endpoint: sign-in, HTTP/JSON, the token endpoint.</summary>
    public Uri GatewayHttp => App.GetEndpoint(ResourceNames.Gateway, "http");

    /// <summary>The HMIS team review desk's access token.</summary>
    public string HmisTeamToken { get; private set; } = "";

    /// <summary>The gateway as the HMIS team's review desk calls it.</summary>
    public GrpcChannel HmisTeamGateway { get; private set; } = null!;

    /// <summary>A gRPC channel to a resource's HTTP/2 endpoint whose calls carry the token, or none; retrying UNAVAILABLE if asked.</summary>
    public GrpcChannel ChannelTo(string resource, string? token, bool retryWhenUnavailable = false)
    {
        var handler = new BearerTokenHandler(token, new SocketsHttpHandler());
        return GrpcChannel.ForAddress(App.GetEndpoint(resource, ResourceNames.GrpcEndpoint),
            retryWhenUnavailable ? RetryingCalls.ChannelOptions(handler) : new GrpcChannelOptions { HttpHandler = handler });
    }

    public Task StopRedisAsync() => StopResourceAsync(ResourceNames.Redis);

    public Task StartRedisAsync() => StartResourceAsync(ResourceNames.Redis);

    public Task StopResourceAsync(string resource)
    {
        _stoppedOnPurpose[resource] = true;
        return RunAsync(resource, KnownResourceCommands.StopCommand, KnownResourceStates.Exited, KnownResourceStates.Finished);
    }

    /// <summary>
    /// Ends a service's process as a crash would (the orchestrator's stop command is unreliable for projects:
    /// microsoft/aspire#11046); <see cref="StartResourceAsync"/> brings it back.
    /// </summary>
    public async Task CrashResourceAsync(string resource)
    {
        var running = await App.ResourceNotifications.WaitForResourceAsync(resource, e => e.Snapshot.State?.Text == KnownResourceStates.Running)
            .WaitAsync(TimeSpan.FromMinutes(1));
        var pid = Convert.ToInt32(running.Snapshot.Properties.Single(p => p.Name == "executable.pid").Value, System.Globalization.CultureInfo.InvariantCulture);
        _stoppedOnPurpose[resource] = true;
        System.Diagnostics.Process.GetProcessById(pid).Kill(entireProcessTree: true);
        await App.ResourceNotifications.WaitForResourceAsync(resource, [KnownResourceStates.Exited, KnownResourceStates.Finished, KnownResourceStates.FailedToStart])
            .WaitAsync(TimeSpan.FromMinutes(1));
    }

    public async Task StartResourceAsync(string resource)
    {
        await RunAsync(resource, KnownResourceCommands.StartCommand, KnownResourceStates.Running);
        _stoppedOnPurpose.TryRemove(resource, out _);
        await App.ResourceNotifications.WaitForResourceHealthyAsync(resource).WaitAsync(TimeSpan.FromMinutes(1));
    }

    private async Task RunAsync(string resource, string command, params string[] expectedStates)
    {
        var result = await App.ResourceCommands.ExecuteCommandAsync(resource, command);
        Assert.True(result.Success, result.Message);
        await App.ResourceNotifications.WaitForResourceAsync(resource, expectedStates).WaitAsync(TimeSpan.FromMinutes(1));
    }

    /// <summary>A resource's log lines so far, for a failing test to show what the service said.</summary>
    public async Task<IReadOnlyList<string>> LogsOfAsync(string resource, int last = 200)
    {
        var lines = new List<string>();
        using var enough = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await foreach (var batch in App.Services.GetRequiredService<ResourceLoggerService>().WatchAsync(resource).WithCancellation(enough.Token))
            {
                lines.AddRange(batch.Select(l => l.Content));
            }
        }
        catch (OperationCanceledException)
        {
        }
        return [.. lines.TakeLast(last)];
    }

    /// <summary>A file to which each unexpected exit is added too (./platform.sh test sets it and prints the file).</summary>
    public const string UnexpectedExitsLogVariable = "HMIS_UNEXPECTED_EXITS_LOG";

    /// <summary>
    /// Says in the test run's output (xunit's diagnostic messages) when a process of the platform ends that no test
    /// stopped, with its exit code and its last log lines: every test after it would fail with UNAVAILABLE, and this
    /// is where the reason is.
    /// </summary>
    private async Task ReportUnexpectedExitsAsync(CancellationToken stopping)
    {
        try
        {
            await foreach (var change in App.ResourceNotifications.WatchAsync(stopping))
            {
                var name = change.Resource.Name;
                var state = change.Snapshot.State?.Text;
                if (!ResourceNames.Processes.Contains(name) || _stoppedOnPurpose.ContainsKey(name)
                    || !(state == KnownResourceStates.Exited || state == KnownResourceStates.Finished || state == KnownResourceStates.FailedToStart))
                {
                    continue;
                }
                var logs = await LogsOfAsync(name, 60);
                var report = $"{name} ended unexpectedly ({state}, exit code {change.Snapshot.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}); " +
                    "its last lines:\n  " + string.Join("\n  ", logs);
                diagnostics.OnMessage(new Xunit.Sdk.DiagnosticMessage(report));
                // The test command shows this file after the run: dotnet test shows diagnostic messages only when verbose.
                if (Environment.GetEnvironmentVariable(UnexpectedExitsLogVariable) is { Length: > 0 } file)
                {
                    await File.AppendAllTextAsync(file, report + "\n", stopping);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Each resource's state and health now, to say which one kept the platform from starting.</summary>
    private string DescribeResources() => string.Join("; ", _app!.Services.GetRequiredService<DistributedApplicationModel>().Resources
        .Select(r => _app.ResourceNotifications.TryGetCurrentState(r.Name, out var e)
            ? $"{r.Name} {e.Snapshot.State?.Text ?? "?"} {e.Snapshot.HealthStatus?.ToString() ?? ""}".TrimEnd()
            : $"{r.Name} unknown"));

    public async Task DisposeAsync()
    {
        await _stopping.CancelAsync();
        Gateway?.Dispose();
        HmisTeamGateway?.Dispose();
        LmsGateway?.Dispose();
        if (_retrying is var (gateway, hmisTeam, lms))
        {
            gateway.Dispose();
            hmisTeam.Dispose();
            lms.Dispose();
        }
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        if (_dataDirectory is not null)
        {
            TemporaryFolders.Delete(_dataDirectory);
        }
        _stopping.Dispose();
    }
}
