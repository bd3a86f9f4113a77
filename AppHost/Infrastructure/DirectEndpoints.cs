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

    /// <summary>A port the system has free now: the process binds it moments later.</summary>
    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
