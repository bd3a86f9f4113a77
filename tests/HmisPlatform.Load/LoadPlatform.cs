using System.Diagnostics;
using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using HmisPlatform.Journeys;
using HmisPlatform.Testing;
using Npgsql;

namespace HmisPlatform.Load;

/// <summary>
/// The platform as <c>./platform.sh run</c> starts it (the real AppHost, local mode, with this build's configuration:
/// Release when the tool is built so), on a data folder and ports of its own, with the gateway's rate limit raised for
/// this run only and each service's metrics served for scraping. Disposing it stops everything it started.
/// </summary>
public sealed class LoadPlatform : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);


    private readonly DistributedApplication _app;
    private readonly string _dataDirectory;

    private LoadPlatform(DistributedApplication app, string dataDirectory, TimeSpan startup)
    {
        _app = app;
        _dataDirectory = dataDirectory;
        Startup = startup;
    }

    /// <summary>From the AppHost's start to every resource healthy (the tree already built).</summary>
    public TimeSpan Startup { get; }

    public string AgencyToken { get; private set; } = "";

    public string HmisTeamToken { get; private set; } = "";

    public string LmsToken { get; private set; } = "";

    public Uri GatewayHttp => _app.GetEndpoint(ResourceNames.Gateway, "http");

    public Uri GatewayGrpc => _app.GetEndpoint(ResourceNames.Gateway, ResourceNames.GrpcEndpoint);

    public static async Task<LoadPlatform> StartAsync(bool logSql = false)
    {
        foreach (var (email, key) in JourneyDriver.DemoAuthenticators)
        {
            Authenticators.Remember(email, key);
        }
        var data = Directory.CreateTempSubdirectory("hmis-load-").FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(data, (UnixFileMode)0b111_101_101);
        }
        var clock = Stopwatch.StartNew();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.HmisPlatform_AppHost>(
        [
            "--Infrastructure:Mode=local",
            $"--Infrastructure:DataDirectory={data}",
            $"--Infrastructure:PostgresPort={FreePort.Next()}",
            $"--Infrastructure:RedisPort={FreePort.Next()}",
            $"--MailCatcher:SmtpPort={FreePort.Next()}",
            // This run's callers are a handful of clients making thousands of calls a minute; everyone else keeps the default.
            "--Gateway:PermitLimit=100000000",
            "--Telemetry:Prometheus=true",
        ]);
        // The tool prints its own figures; the services' logs stay with the services, but for what a process wrote to
        // its standard error (a failed start) and the Requests service's SQL with its timings when asked (--log-sql).
        builder.Services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("HmisPlatform.AppHost.Resources", LogLevel.Error)
            .AddFilter($"HmisPlatform.AppHost.Resources.{ResourceNames.RequestsApi}", logSql ? LogLevel.Information : LogLevel.Error)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None));
        if (logSql)
        {
            builder.CreateResourceBuilder<ProjectResource>(ResourceNames.RequestsApi)
                .WithEnvironment("Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command", "Information");
        }
        var app = await builder.BuildAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        await app.StartAsync(timeout.Token);
        await Task.WhenAll(ResourceNames.Processes.Select(p => app.ResourceNotifications.WaitForResourceHealthyAsync(p, timeout.Token)));
        var platform = new LoadPlatform(app, data, clock.Elapsed);
        using var http = app.CreateHttpClient(ResourceNames.Gateway, "http");
        platform.AgencyToken = await GatewayTokens.TokenAsync(http, GatewayTokens.DemoClientId, GatewayTokens.DemoClientSecret,
            [PlatformIdentity.RequestsRead, PlatformIdentity.RequestsWrite, PlatformIdentity.TrainingRead, PlatformIdentity.AssessmentRead, PlatformIdentity.CredentialsRead]);
        platform.HmisTeamToken = await GatewayTokens.TokenAsync(http, GatewayTokens.ReviewDeskClientId, GatewayTokens.ReviewDeskSecret, PlatformIdentity.Scopes);
        platform.LmsToken = await GatewayTokens.TokenAsync(http, GatewayTokens.LmsClientId, GatewayTokens.LmsSecret,
            [PlatformIdentity.TrainingRead, PlatformIdentity.TrainingProgressWrite]);
        return platform;
    }

    /// <summary>A gRPC channel to a resource's HTTP/2 endpoint whose calls carry the token.</summary>
    public GrpcChannel Channel(string resource, string token) =>
        GrpcChannel.ForAddress(_app.GetEndpoint(resource, ResourceNames.GrpcEndpoint), new GrpcChannelOptions
        {
            HttpHandler = new BearerTokenHandler(token, new SocketsHttpHandler { EnableMultipleHttp2Connections = true }),
        });

    /// <summary>A journey driver through the gateway, as the end-to-end tests drive one person.</summary>
    public JourneyDriver Driver(GrpcChannel agency, GrpcChannel hmisTeam, GrpcChannel lms) =>
        new(agency, hmisTeam, lms, GatewayHttp, GatewayGrpc,
            new JourneyMail(() => _app.CreateHttpClient(ResourceNames.MailCatcher, "http"), hmisTeam));

    /// <summary>A client of a service's HTTP/1.1 endpoint (health, metrics).</summary>
    public HttpClient Http(string resource) => _app.CreateHttpClient(resource, "http");

    /// <summary>The connection string of a database as its owner (the migration steps' role), for seeding.</summary>
    public async Task<string> OwnerConnectionStringAsync(string database) =>
        await _app.GetConnectionStringAsync(database) ?? throw new InvalidOperationException($"No connection string for {database}.");

    /// <summary>Another database on the same Postgres server, made afresh, as the owner reaches it.</summary>
    public async Task<string> ScratchDatabaseAsync(string name)
    {
        var owner = new NpgsqlConnectionStringBuilder(await OwnerConnectionStringAsync(ResourceNames.RequestsDb));
        await using (var connection = new NpgsqlConnection(owner.ConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        owner.Database = name;
        return owner.ConnectionString;
    }

    /// <summary>
    /// Each service's resident memory now, in MiB, from its process: the orchestrator starts a service with
    /// <c>dotnet run</c>, whose one child is the service.
    /// </summary>
    public IReadOnlyList<(string Service, double MiB)> Memory() =>
    [
        .. ResourceNames.DomainServices.Append(ResourceNames.Gateway).Select(service =>
        {
            _app.ResourceNotifications.TryGetCurrentState(service, out var state);
            var pid = Convert.ToInt32(state!.Snapshot.Properties.Single(p => p.Name == "executable.pid").Value, CultureInfo.InvariantCulture);
            var children = File.ReadAllText($"/proc/{pid}/task/{pid}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var process = children.Length == 1 ? int.Parse(children[0], CultureInfo.InvariantCulture) : pid;
            return (service, Process.GetProcessById(process).WorkingSet64 / 1024.0 / 1024.0);
        }),
    ];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        TemporaryFolders.Delete(_dataDirectory);
    }
}
