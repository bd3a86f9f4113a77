namespace HmisPlatform.AppHost.Infrastructure;

/// <summary>The usual Aspire containers, with data volumes, for machines with a container runtime.</summary>
public static class ContainerInfrastructure
{
    public static PlatformInfrastructure AddContainerInfrastructure(this IDistributedApplicationBuilder builder)
    {
        var postgres = builder.AddPostgres(ResourceNames.Postgres).WithDataVolume();
        var databases = PlatformInfrastructure.DatabaseNames.ToDictionary(
            name => name, name => (IResourceBuilder<IResourceWithConnectionString>)postgres.AddDatabase(name));
        var redis = builder.AddRedis(ResourceNames.Redis).WithDataVolume();
        var endpoint = postgres.Resource.PrimaryEndpoint;
        return new PlatformInfrastructure(postgres,
            ReferenceExpression.Create($"Host={endpoint.Property(EndpointProperty.Host)};Port={endpoint.Property(EndpointProperty.Port)}"), databases, redis);
    }
}
