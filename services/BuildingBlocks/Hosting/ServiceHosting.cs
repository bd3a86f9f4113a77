using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Grpc;
using HmisPlatform.BuildingBlocks.Hosting.TestClock;
using HmisPlatform.BuildingBlocks.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace HmisPlatform.BuildingBlocks.Hosting;

/// <summary>The wiring every domain service shares: its database, Redis, gRPC with the error interceptor, reflection, messaging.</summary>
public static class ServiceHosting
{
    /// <summary>The largest request message a service accepts (the gateway's body limit).</summary>
    public const int MaxRequestBytes = 1024 * 1024;

    /// <param name="area">The service's area, as in <c>hmis.&lt;area&gt;.v1</c>: names its error domain and its consumer group.</param>
    public static MessagingBuilder<TDbContext> AddDomainService<TDbContext>(this IHostApplicationBuilder builder, string area, string database)
        where TDbContext : DbContext
    {
        builder.UseContinuumTimeZone();
        // Retries are off: commands run in explicit transactions, and retrying a half-applied one is not safe.
        builder.AddNpgsqlDbContext<TDbContext>(database,
            settings => settings.DisableRetry = true,
            options => options.UseSnakeCaseNamingConvention());
        builder.AddRedisClient(ResourceNames.Redis);
        builder.AddTestClock();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new ErrorDomain($"hmis.{area}"));
        // HTTP/JSON for agency systems that do not speak gRPC, from the contracts' google.api.http routes.
        builder.Services.AddGrpc(options => options.UsePlatformDefaults())
            .AddJsonTranscoding(json => json.TypeRegistry = GrpcRefusal.ErrorDetailTypes);
        builder.Services.AddGrpcReflection();
        builder.AddCallerAuthentication();
        builder.RequireHttpsEndpoints().RequireTlsToServices();
        return builder.AddMessaging<TDbContext>(area);
    }

    /// <summary>
    /// What every gRPC server of the platform (each service and the gateway's own APIs) does with a call: refusals become
    /// rich statuses, text is plain, and no request is larger than the gateway's body limit.
    /// </summary>
    public static void UsePlatformDefaults(this global::Grpc.AspNetCore.Server.GrpcServiceOptions options)
    {
        // Outermost first: refusals of the text check become statuses like every other.
        options.Interceptors.Add<DomainErrorInterceptor>();
        options.Interceptors.Add<PlainTextInterceptor>();
        options.MaxReceiveMessageSize = MaxRequestBytes;
    }

    /// <summary>The Continuum's time zone for every date rule of this process (configuration <c>Continuum:TimeZone</c>).</summary>
    public static void UseContinuumTimeZone(this IHostApplicationBuilder builder) =>
        Continuum.UseTimeZone(builder.Configuration["Continuum:TimeZone"] ?? Continuum.DefaultTimeZoneId);

    /// <summary>
    /// Maps the health endpoints and gRPC reflection (open: they describe, they do not act) and the service's gRPC
    /// API, which only authenticated callers reach; each RPC names the scope it needs.
    /// </summary>
    public static WebApplication MapDomainService<TService>(this WebApplication app)
        where TService : class
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapDefaultEndpoints();
        app.MapGrpcService<TService>().RequireAuthorization();
        app.MapTestClock();
        app.MapGrpcReflectionService();
        return app;
    }
}
