namespace HmisPlatform.AppHost.Infrastructure;

/// <summary>How a domain service joins the app: a migration step first, then the service, both on its own database.</summary>
public static class PlatformServices
{
    /// <param name="tokenIssuer">The gateway's HTTP endpoint, whose discovery document publishes the keys tokens are signed with.</param>
    public static IResourceBuilder<ProjectResource> AddDomainService<TProject>(
        this IDistributedApplicationBuilder builder, string name, string database, PlatformInfrastructure infrastructure, EndpointReference tokenIssuer)
        where TProject : IProjectMetadata, new()
    {
        var db = infrastructure.Database(database);
        return builder.AddProject<TProject>(name)
            .WithReference(db)
            .WithReference(infrastructure.Redis)
            .WithEnvironment("Auth__Authority", tokenIssuer)
            .WaitFor(infrastructure.Redis)
            .WithMigrationStep<TProject>(name, db, infrastructure)
            .WithHttpHealthCheck(ResourceNames.HealthPath, endpointName: "http");
    }

    /// <summary>
    /// The project's own binary run with --migrate before it: applies its migrations (and demo data in
    /// Development), then exits; the project starts only once that succeeded.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithMigrationStep<TProject>(
        this IResourceBuilder<ProjectResource> project, string name, IResourceBuilder<IResourceWithConnectionString> db, PlatformInfrastructure infrastructure)
        where TProject : IProjectMetadata, new()
    {
        var builder = project.ApplicationBuilder;
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
        return project.WaitForCompletion(migrations);
    }
}
