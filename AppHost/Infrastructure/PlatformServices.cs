namespace HmisPlatform.AppHost.Infrastructure;

/// <summary>How a domain service joins the app: a migration step first, then the service, both on its own database.</summary>
public static class PlatformServices
{
    public static IResourceBuilder<ProjectResource> AddDomainService<TProject>(
        this IDistributedApplicationBuilder builder, string name, string database, PlatformInfrastructure infrastructure)
        where TProject : IProjectMetadata, new()
    {
        var db = infrastructure.Database(database);
        // The service's own binary with --migrate: applies its migrations (and demo data in Development), then exits.
        var migrations = builder.AddProject<TProject>(ResourceNames.MigrationsOf(name), options =>
            {
                options.ExcludeLaunchProfile = true;
                options.ExcludeKestrelEndpoints = true;
            })
            .WithArgs("--migrate")
            .WithEnvironment("DOTNET_ENVIRONMENT", builder.Environment.EnvironmentName)
            .WithReference(db)
            .WaitFor(infrastructure.Postgres)
            .WithParentRelationship(db);

        return builder.AddProject<TProject>(name)
            .WithReference(db)
            .WithReference(infrastructure.Redis)
            .WaitFor(infrastructure.Redis)
            .WaitForCompletion(migrations)
            .WithHttpHealthCheck(ResourceNames.HealthPath, endpointName: "http");
    }
}
