using System.Net;
using System.Net.Sockets;

namespace HmisPlatform.AppHost.Infrastructure;

/// <summary>
/// A service's endpoints served by the service itself on loopback ports chosen at start, not through the orchestrator's
/// proxy. Through the proxy every call between services passes one more process and two more sockets; on two cores under
/// load that was CPU the services needed (docs/performance.md). The gateway, which people and agency systems reach on
/// fixed ports, keeps its proxied endpoints.
/// </summary>
public static class DirectEndpoints
{
    public static IResourceBuilder<ProjectResource> WithDirectEndpoints(this IResourceBuilder<ProjectResource> service, params string[] endpoints)
    {
        foreach (var name in endpoints)
        {
            service.WithEndpoint(name, endpoint =>
            {
                var port = FreeLoopbackPort();
                endpoint.IsProxied = false;
                endpoint.Port = port;
                endpoint.TargetPort = port;
            });
        }
        return service;
    }

    /// <summary>
    /// Ports below the system's ephemeral range (Linux: 32768 and up): one the system handed out as free could be given
    /// to an outgoing connection (a pooled database connection) before the service binds it, so the service could not.
    /// </summary>
    private const int FirstPort = 20000;
    private const int EndPort = 32768;

    /// <summary>A port free now, below the ephemeral range: the process binds it moments later.</summary>
    private static int FreeLoopbackPort()
    {
        for (var tries = 0; tries < 100; tries++)
        {
            var port = Random.Shared.Next(FirstPort, EndPort);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: another.
            }
        }
        throw new InvalidOperationException($"No free loopback port between {FirstPort} and {EndPort}.");
    }
}
