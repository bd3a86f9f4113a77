using Grpc.Reflection;
using HmisPlatform.BuildingBlocks.Grpc;
using HmisPlatform.Gateway.Grpc;
using HmisPlatform.Gateway.Security;
using Yarp.ReverseProxy.Configuration;

namespace HmisPlatform.Gateway.Extensions;

internal static class ProxyExtensions
{
    /// <summary>
    /// YARP routes each service's gRPC path prefix to that service's HTTP/2 endpoint, found through service discovery.
    /// The gateway answers gRPC reflection itself from the contracts it compiles, since one reflection stream cannot
    /// be split over four backends.
    /// </summary>
    public static void AddGatewayServices(this IHostApplicationBuilder builder)
    {
        var routes = ServiceRoutes.All.Select(r => new RouteConfig
        {
            RouteId = r.Service.FullName,
            ClusterId = r.Backend,
            Match = new RouteMatch { Path = $"/{r.Service.FullName}/{{**method}}" },
        }).ToList();
        var clusters = ServiceRoutes.All.Select(r => r.Backend).Distinct().Select(backend => new ClusterConfig
        {
            ClusterId = backend,
            HttpRequest = new Yarp.ReverseProxy.Forwarder.ForwarderRequestConfig
            {
                Version = new Version(2, 0),
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            },
            Destinations = new Dictionary<string, DestinationConfig>
            {
                [backend] = new() { Address = $"http://_{ResourceNames.GrpcEndpoint}.{backend}" },
            },
        }).ToList();
        builder.Services.AddReverseProxy()
            .LoadFromMemory(routes, clusters)
            .AddTransforms(transforms => transforms.AddProxiedRefusalAudit())
            .AddServiceDiscoveryDestinationResolver();

        var services = ServiceRoutes.All.Select(r => r.Service)
            .Append(Hmis.Gateway.V1.ClientsReflection.Descriptor.Services.Single())
            .Append(global::Grpc.Health.V1.Health.Descriptor).ToList();
        builder.Services.AddSingleton(new ErrorDomain("hmis.gateway"));
        builder.Services.AddGrpc(options => options.Interceptors.Add<DomainErrorInterceptor>());
        builder.Services.AddSingleton(new ReflectionServiceImpl(services));
        builder.Services.AddSingleton(new ReflectionV1ServiceImpl(services));
    }

    public static void MapGatewayEndpoints(this WebApplication app)
    {
        app.MapGrpcService<ReflectionV1ServiceImpl>();
        app.MapGrpcService<ReflectionServiceImpl>();
        app.MapGrpcService<ClientsService>().RequireRateLimiting(CallerRateLimits.Policy);
        // Every proxied call needs a valid access token here; the service behind validates it again.
        app.MapReverseProxy().RequireAuthorization().RequireRateLimiting(CallerRateLimits.Policy);
        app.MapStaticAssets();
    }
}
