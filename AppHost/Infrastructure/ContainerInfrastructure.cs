namespace HmisPlatform.AppHost.Infrastructure;

/// <summary>The usual Aspire containers, with data volumes, for machines with a container runtime (Docker or podman).</summary>
public static class ContainerInfrastructure
{
    /// <summary>The tag <c>./platform.sh images</c> gives the images it builds.</summary>
    public const string LocalImageTag = "current";

    public static PlatformInfrastructure AddContainerInfrastructure(this IDistributedApplicationBuilder builder, InfrastructureOptions options)
    {
        var postgres = builder.AddPostgres(ResourceNames.Postgres).WithDataVolume();
        var redis = builder.AddRedis(ResourceNames.Redis).WithDataVolume();
        if (string.Equals(options.Images, "local", StringComparison.OrdinalIgnoreCase))
        {
            // Built here from Debian's packages (deploy/images); each reads the environment the official image reads.
            postgres.WithImageRegistry("localhost").WithImage("hmis/postgres", LocalImageTag);
            redis.WithImageRegistry("localhost").WithImage("hmis/redis", LocalImageTag);
        }
        var databases = PlatformInfrastructure.DatabaseNames.ToDictionary(
            name => name, name => (IResourceBuilder<IResourceWithConnectionString>)postgres.AddDatabase(name));
        var endpoint = postgres.Resource.PrimaryEndpoint;
        return new PlatformInfrastructure(postgres,
            ReferenceExpression.Create($"Host={endpoint.Property(EndpointProperty.Host)};Port={endpoint.Property(EndpointProperty.Port)}"), databases, redis);
    }
}
