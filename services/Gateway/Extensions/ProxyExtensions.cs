using System.Net;
using Google.Protobuf.Reflection;
using Grpc.Reflection;
using HmisPlatform.BuildingBlocks.Grpc;
using HmisPlatform.BuildingBlocks.Hosting;
using HmisPlatform.Gateway.Grpc;
using HmisPlatform.Gateway.Security;
using HmisPlatform.Gateway.Staff;
using Yarp.ReverseProxy.Configuration;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace HmisPlatform.Gateway.Extensions;

internal static class ProxyExtensions
{
    private const string JsonClusterSuffix = "-json";

    /// <summary>The gateway's own public contract: the HMIS team's register of clients.</summary>
    /// <summary>
    /// The gateway's own administration APIs (agency systems, people's sign-ins, the test clock). Reflection, open to
    /// anyone, does not describe them; their contracts are in <c>protos/hmis/gateway/v1</c> for those who use them.
    /// </summary>
    public static readonly ServiceDescriptor[] AdministrationServices =
    [
        Hmis.Gateway.V1.ClientsReflection.Descriptor.Services.Single(),
        Hmis.Gateway.V1.StaffAccountsReflection.Descriptor.Services.Single(),
        Hmis.Gateway.V1.TestClockReflection.Descriptor.Services.Single(),
    ];

    /// <summary>
    /// YARP routes each service's gRPC path prefix to that service's HTTP/2 endpoint, and each HTTP/JSON route its
    /// contract declares to that service's HTTP/1.1 endpoint, where the service transcodes it; both found through
    /// service discovery. The gateway answers gRPC reflection itself from the contracts it compiles, since one
    /// reflection stream cannot be split over four backends.
    /// </summary>
    public static void AddGatewayServices(this IHostApplicationBuilder builder)
    {
        var grpcRoutes = ServiceRoutes.All.Select(r => new RouteConfig
        {
            RouteId = r.Service.FullName,
            ClusterId = r.Backend,
            Match = new RouteMatch { Path = $"/{r.Service.FullName}/{{**method}}" },
        });
        var jsonRoutes = ServiceRoutes.All.SelectMany(r => HttpRoute.Of(r.Service).Select(route => new RouteConfig
        {
            RouteId = route.Method.FullName,
            ClusterId = r.Backend + JsonClusterSuffix,
            Match = new RouteMatch { Path = route.Path, Methods = [route.Verb] },
            Metadata = new Dictionary<string, string> { [JsonContractCheck.MethodMetadata] = route.Method.FullName },
        }));
        var backends = ServiceRoutes.All.Select(r => r.Backend).Distinct().ToList();
        var clusters = backends.Select(backend => Cluster(builder.Configuration, backend, backend, ResourceNames.GrpcEndpoint, HttpVersion.Version20))
            .Concat(backends.Select(backend => Cluster(builder.Configuration, backend + JsonClusterSuffix, backend, "http", HttpVersion.Version11)))
            .ToList();
        builder.Services.AddReverseProxy()
            .LoadFromMemory([.. grpcRoutes, .. jsonRoutes], clusters)
            .AddTransforms(transforms =>
            {
                transforms.AddPersonTokenTransform();
                transforms.AddProxiedRefusalAudit();
            })
            .AddServiceDiscoveryDestinationResolver()
            // Services' certificates may chain to the platform's own CA (PlatformTls).
            .ConfigureHttpClient((_, handler) => PlatformTls.Trust(handler.SslOptions, builder.Configuration));
        builder.RequireTlsToServices();

        var described = ServiceRoutes.All.Select(r => r.Service).Append(global::Grpc.Health.V1.Health.Descriptor).ToList();
        builder.Services.AddSingleton(new ErrorDomain("hmis.gateway"));
        builder.Services.AddGrpc(options => options.UsePlatformDefaults())
            .AddJsonTranscoding(json => json.TypeRegistry = GrpcRefusal.ErrorDetailTypes);
        builder.AddRedisClient(ResourceNames.Redis);
        Identity.ServiceClocks.AddServiceClocks(builder);
        // The error details every refusal carries (google.rpc) are described too, so that a client reading by
        // reflection (buf curl, grpcurl) shows a refusal's reason and field violations instead of base64.
        var symbols = SymbolRegistry.FromFiles(described.Select(s => s.File)
            .Append(Google.Rpc.ErrorDetailsReflection.Descriptor).Append(Google.Rpc.StatusReflection.Descriptor));
        var names = described.Select(s => s.FullName).ToList();
        builder.Services.AddSingleton(new ReflectionServiceImpl(names, symbols));
        builder.Services.AddSingleton(new ReflectionV1ServiceImpl(names, symbols));
    }

    private static ClusterConfig Cluster(IConfiguration configuration, string id, string backend, string endpoint, Version version) => new()
    {
        ClusterId = id,
        HttpRequest = new Yarp.ReverseProxy.Forwarder.ForwarderRequestConfig
        {
            Version = version,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        },
        Destinations = new Dictionary<string, DestinationConfig>
        {
            [backend] = new() { Address = PlatformTls.ServiceAddress(configuration, backend, endpoint).ToString() },
        },
    };

    public static void MapGatewayEndpoints(this WebApplication app)
    {
        app.MapGrpcService<ReflectionV1ServiceImpl>();
        app.MapGrpcService<ReflectionServiceImpl>();
        app.MapGrpcService<ClientsService>().RequireRateLimiting(CallerRateLimits.Policy);
        app.MapGrpcService<StaffAccountsService>().RequireRateLimiting(CallerRateLimits.Policy);
        app.MapGrpcService<TestClockService>().RequireRateLimiting(CallerRateLimits.Policy);

        // Every proxied call needs a valid access token here; the service behind validates it again.
        var maxBodyBytes = app.Configuration.GetValue<long?>("Kestrel:Limits:MaxRequestBodySize") ?? 1024 * 1024;
        var methods = ServiceRoutes.All.SelectMany(r => r.Service.Methods).ToDictionary(m => m.FullName, StringComparer.Ordinal);
        var unreachableLog = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TransientFailureResponses).FullName!);
        var domain = app.Services.GetRequiredService<ErrorDomain>().Name;
        app.MapReverseProxy(proxy =>
        {
            proxy.Use((http, next) => TransientFailureResponses.AnswerUnreachableServiceAsync(http, next, unreachableLog, domain));
            proxy.Use((http, next) => JsonContractCheck.InvokeAsync(http, next, methods, maxBodyBytes));
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        }).RequireAuthorization().RequireRateLimiting(CallerRateLimits.Policy);

        var document = OpenApiDocument.Build(ServiceRoutes.All.Select(r => r.Service).Concat(AdministrationServices));
        app.MapGet(OpenApiDocument.Path, () => Results.Text(document, "application/json")).AllowAnonymous();
        app.UseSwaggerUI(ui =>
        {
            ui.RoutePrefix = "api";
            ui.DocumentTitle = "HmisPlatform API";
            ui.SwaggerEndpoint(OpenApiDocument.Path, "HmisPlatform API v1");
        });
        app.MapStaticAssets();
    }
}
