using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

namespace HmisPlatform.AppHost.Infrastructure;

/// <summary>
/// Local mode: this machine's own <c>postgres</c> and <c>redis-server</c> as executable resources, bound to
/// 127.0.0.1 on fixed ports, with data under a git-ignored folder so it survives restarts. The launch scripts in
/// <c>local/</c> create the Postgres cluster on first start and run it as the <c>postgres</c> user when run as root.
/// </summary>
public static class LocalInfrastructure
{
    public static PlatformInfrastructure AddLocalInfrastructure(this IDistributedApplicationBuilder builder, InfrastructureOptions options)
    {
        var dataDirectory = Path.GetFullPath(options.DataDirectory ?? Path.Combine(builder.AppHostDirectory, "..", ".data", "local"));
        var scripts = Path.Combine(builder.AppHostDirectory, "local");

        var postgresPassword = LocalSecrets.ReadOrCreate(dataDirectory, "postgres");
        var postgresResource = new LocalPostgresResource(ResourceNames.Postgres, "bash", scripts, options.PostgresPort, postgresPassword);
        var postgres = builder.AddResource(postgresResource)
            .WithArgs(Path.Combine(scripts, "postgres.sh"), Path.Combine(dataDirectory, "postgres"), Invariant(options.PostgresPort))
            .WithEnvironment("POSTGRES_PASSWORD", postgresPassword)
            .WithEndpoint(name: "tcp", scheme: "tcp", port: options.PostgresPort, targetPort: options.PostgresPort, isProxied: false)
            .WithReadinessCheck(builder, new PostgresReadyCheck(postgresResource.ConnectionString))
            .WithIconName("Database");

        var databases = PlatformInfrastructure.DatabaseNames.ToDictionary(
            name => name,
            name => (IResourceBuilder<IResourceWithConnectionString>)builder.AddResource(new LocalPostgresDatabaseResource(name, postgresResource))
                .WithInitialState(new CustomResourceSnapshot { ResourceType = "PostgresDatabase", State = KnownResourceStates.Waiting, Properties = [] })
                .WithIconName("DatabaseStack"));
        // The databases live in the server: they are up when it is (each service's migration step creates its own).
        builder.Eventing.Subscribe<ResourceReadyEvent>(postgresResource, async (e, ct) =>
        {
            var notifications = e.Services.GetRequiredService<ResourceNotificationService>();
            foreach (var database in databases.Values)
            {
                await notifications.PublishUpdateAsync(database.Resource, s => s with { State = KnownResourceStates.Running });
            }
        });

        var redisPassword = LocalSecrets.ReadOrCreate(dataDirectory, "redis");
        var redisResource = new LocalRedisResource(ResourceNames.Redis, "bash", scripts, options.RedisPort, redisPassword);
        var redis = builder.AddResource(redisResource)
            .WithArgs(Path.Combine(scripts, "redis.sh"), Path.Combine(dataDirectory, "redis"), Invariant(options.RedisPort))
            .WithEnvironment("REDIS_PASSWORD", redisPassword)
            .WithEndpoint(name: "tcp", scheme: "tcp", port: options.RedisPort, targetPort: options.RedisPort, isProxied: false)
            .WithReadinessCheck(builder, new RedisReadyCheck(redisResource.ConnectionString))
            .WithIconName("Memory");

        return new PlatformInfrastructure(postgres,
            ReferenceExpression.Create($"Host=127.0.0.1;Port={Invariant(options.PostgresPort)}"), databases, redis);
    }

    private static IResourceBuilder<T> WithReadinessCheck<T>(this IResourceBuilder<T> resource, IDistributedApplicationBuilder builder, Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck check)
        where T : IResource
    {
        var key = $"{resource.Resource.Name}-ready";
        builder.Services.AddHealthChecks().AddCheck(key, check);
        return resource.WithHealthCheck(key);
    }

    private static string Invariant(int port) => port.ToString(CultureInfo.InvariantCulture);
}
