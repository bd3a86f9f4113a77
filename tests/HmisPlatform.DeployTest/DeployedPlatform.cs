using Grpc.Net.Client;
using HmisPlatform.Journeys;
using HmisPlatform.Testing;

namespace HmisPlatform.DeployTest;

/// <summary>
/// The deployed platform as its callers reach it: the gateway through the ingress (HTTPS and gRPC, its certificate
/// chaining to the run's CA), as the demo agency system, the HMIS team's review desk and the LMS, each call retried
/// as a well-behaved agency system retries it; and the mail catcher's page.
/// </summary>
public sealed class DeployedPlatform : IDisposable
{
    private readonly PlatformSecrets? _secrets;
    private readonly List<GrpcChannel> _channels = [];

    public required Uri GatewayHttp { get; init; }

    public required Uri GatewayGrpc { get; init; }

    public required Uri MailCatcher { get; init; }

    private GrpcChannel _gateway = null!;
    private GrpcChannel _hmisTeam = null!;
    private GrpcChannel _lms = null!;

    private DeployedPlatform(PlatformSecrets? secrets) => _secrets = secrets;

    public GrpcChannel HmisTeam => _hmisTeam;

    /// <param name="secrets">The run's secrets, whose CA the gateway's certificate chains to; none for a gateway on plain HTTP.</param>
    public static async Task<DeployedPlatform> ConnectAsync(PlatformSecrets? secrets, Uri gatewayHttp, Uri gatewayGrpc, Uri mailCatcher)
    {
        foreach (var (email, key) in JourneyDriver.DemoAuthenticators)
        {
            Authenticators.Remember(email, key);
        }
        var platform = new DeployedPlatform(secrets) { GatewayHttp = gatewayHttp, GatewayGrpc = gatewayGrpc, MailCatcher = mailCatcher };
        using var http = new HttpClient(RetryingCalls.Http(platform.Transport())) { BaseAddress = gatewayHttp };
        var (agency, hmisTeam, lms) = await GatewayTokens.DemoTokensAsync(http);
        platform._gateway = platform.Channel(agency);
        platform._hmisTeam = platform.Channel(hmisTeam);
        platform._lms = platform.Channel(lms);
        return platform;
    }

    /// <summary>
    /// A journey driver whose calls retry UNAVAILABLE and refused connections, and whose trainees wait up to two minutes
    /// for an e-mail: one approved as Redis went away is sent only once the events flow again, after the outage and the
    /// replicas' reconnection. Each phase prints how long the slowest took (<see cref="ApprovalMailTimeline"/>).
    /// </summary>
    public JourneyDriver Driver() => new(_gateway, _hmisTeam, _lms, GatewayHttp, GatewayGrpc,
        new JourneyMail(() => new HttpClient { BaseAddress = MailCatcher }, _hmisTeam, MailPatience), retryWhenUnavailable: true, transport: Transport);

    private static readonly TimeSpan MailPatience = TimeSpan.FromMinutes(2);

    /// <summary>A connection that trusts the run's CA, and a new connection per replica the ingress chooses.</summary>
    private SocketsHttpHandler Transport()
    {
        var handler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true, PooledConnectionLifetime = TimeSpan.FromSeconds(30) };
        if (_secrets is { } secrets)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && secrets.Trusts(certificate);
        }
        return handler;
    }

    private GrpcChannel Channel(string token)
    {
        var channel = GrpcChannel.ForAddress(GatewayGrpc, RetryingCalls.ChannelOptions(new BearerTokenHandler(token, Transport())));
        _channels.Add(channel);
        return channel;
    }

    public void Dispose()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }
    }
}
