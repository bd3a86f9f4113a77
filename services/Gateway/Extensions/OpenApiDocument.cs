using System.Reflection;
using HmisPlatform.Gateway.Identity;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Writers;
using Swashbuckle.AspNetCore.Swagger;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace HmisPlatform.Gateway.Extensions;

/// <summary>
/// The OpenAPI 3 document of the HTTP/JSON API, written by Microsoft.AspNetCore.Grpc.Swagger from gRPC JSON
/// transcoding's own metadata: the same <c>google.api.http</c> routes, bodies and proto3 JSON names the services
/// transcode. The gateway proxies those routes rather than serving them, so the document is described once at start by
/// a host that is never started: it maps each contract's generated service base (never called) only for the
/// transcoder to describe it, and adds the client-credentials token every call needs.
/// </summary>
public static class OpenApiDocument
{
    public const string Path = "/openapi/v1.json";

    private const string Version = "v1";

    public static string Build(IEnumerable<ServiceDescriptor> services)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddGrpc().AddJsonTranscoding();
        builder.Services.AddGrpcSwagger();
        builder.Services.AddSwaggerGen(swagger =>
        {
            swagger.SwaggerDoc(Version, new OpenApiInfo
            {
                Title = "HmisPlatform API",
                Version = Version,
                Description = "HMIS access for the Chicago CoC: requests for training, training, the Sample Client Assignment and credentials. "
                    + "The same RPCs are served over gRPC at the gateway's HTTP/2 endpoint. Get a token with the client-credentials grant; "
                    + "every error is a google.rpc.Status with its details (ErrorInfo with the reason, BadRequest with field violations).",
            });
            var oauth2 = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.OAuth2,
                Flows = new OpenApiOAuthFlows
                {
                    ClientCredentials = new OpenApiOAuthFlow
                    {
                        TokenUrl = new Uri(TokenServer.TokenPath, UriKind.Relative),
                        Scopes = PlatformIdentity.Scopes.ToDictionary(s => s, s => s),
                    },
                },
            };
            swagger.AddSecurityDefinition("oauth2", oauth2);
            swagger.AddSecurityRequirement(new OpenApiSecurityRequirement
            {
                [new OpenApiSecurityScheme { Reference = new OpenApiReference { Type = ReferenceType.SecurityScheme, Id = "oauth2" } }] = [],
            });
        });
        using var describer = builder.Build();
        foreach (var service in services)
        {
            MapDescribed(describer, ServiceBaseOf(service));
        }
        // Endpoint routing hands the mapped endpoints to the API explorer, as it would when the host starts.
        describer.UseRouting();
        describer.UseEndpoints(_ => { });
        var document = describer.Services.GetRequiredService<ISwaggerProvider>().GetSwagger(Version);
        using var text = new StringWriter();
        document.SerializeAsV3(new OpenApiJsonWriter(text));
        return text.ToString();
    }

    /// <summary>The generated base class of a contract's service: <c>AccessRequests.AccessRequestsBase</c>.</summary>
    private static Type ServiceBaseOf(ServiceDescriptor service) =>
        typeof(OpenApiDocument).Assembly.GetTypes().Single(t => t.IsAbstract && t.Name == $"{service.Name}Base"
            && t.DeclaringType?.GetField("__ServiceName", BindingFlags.NonPublic | BindingFlags.Static)?.GetValue(null) as string == service.FullName);

    private static void MapDescribed(WebApplication describer, Type serviceBase) =>
        typeof(GrpcEndpointRouteBuilderExtensions).GetMethods()
            .Single(m => m.Name == nameof(GrpcEndpointRouteBuilderExtensions.MapGrpcService) && m.GetParameters().Length == 1)
            .MakeGenericMethod(serviceBase).Invoke(null, [describer]);
}
