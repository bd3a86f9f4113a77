using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>What every HmisPlatform process gets: OpenTelemetry over OTLP, health checks, service discovery, resilient clients.</summary>
public static class Extensions
{
    public const string HealthPath = HmisPlatform.ResourceNames.HealthPath;
    public const string AlivePath = "/alive";

    /// <summary>
    /// Meters and activity sources of the platform's own code, exported with the framework's: every one named
    /// "HmisPlatform.…" (each service names its own; none is listed here).
    /// </summary>
    public const string PlatformTelemetryNames = "HmisPlatform.*";

    /// <summary>
    /// Serves the process's metrics at <c>/metrics</c> in Prometheus' text format when true: for a scraper (the load tool,
    /// a cluster's Prometheus) on the internal HTTP endpoint. Off unless configured.
    /// </summary>
    public const string PrometheusSetting = "Telemetry:Prometheus";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            // Calls to platform services trust the platform's CA when one is configured (PlatformTls).
            http.ConfigurePrimaryHttpMessageHandler(() => HmisPlatform.PlatformTls.CreateHandler(builder.Configuration));
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        return builder;
    }

    private static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var prometheus = builder.Configuration.GetValue<bool>(PrometheusSetting);
        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics =>
            {
                metrics
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter(PlatformTelemetryNames);
                if (prometheus)
                {
                    metrics.AddPrometheusExporter();
                }
            })
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(PlatformTelemetryNames)
                .AddAspNetCoreInstrumentation(o =>
                    // Probes would drown the traces people look for.
                    o.Filter = context => !context.Request.Path.StartsWithSegments(HealthPath) && !context.Request.Path.StartsWithSegments(AlivePath))
                .AddGrpcClientInstrumentation()
                .AddHttpClientInstrumentation()
                .AddProcessor(new BackgroundSpanFilter()));

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }
        return builder;
    }

    private static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        builder.Services.AddGrpcHealthChecks();
        return builder;
    }

    /// <summary>
    /// Maps <c>/health</c> (everything, including databases) and <c>/alive</c> (the process) over HTTP/1.1, and the
    /// standard gRPC health service. Probes use the HTTP/1.1 endpoint, since an h2c-only endpoint cannot answer them.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthPath);
        app.MapHealthChecks(AlivePath, new HealthCheckOptions { Predicate = r => r.Tags.Contains("live") });
        app.MapGrpcHealthChecksService();
        if (app.Configuration.GetValue<bool>(PrometheusSetting))
        {
            app.MapPrometheusScrapingEndpoint().AllowAnonymous();
        }
        return app;
    }
}
