using Microsoft.Extensions.Configuration;

namespace HmisPlatform.AppHost.Infrastructure;

/// <summary>How a domain service joins the app: a migration step first, then the service, both on its own database.</summary>
public static class PlatformServices
{
    /// <param name="tokenIssuer">The gateway's HTTP endpoint, whose discovery document publishes the keys tokens are signed with.</param>
    public static IResourceBuilder<ProjectResource> AddDomainService<TProject>(
        this IDistributedApplicationBuilder builder, string name, string database, PlatformInfrastructure infrastructure, EndpointReference tokenIssuer)
        where TProject : IProjectMetadata, new()
    {
        var service = builder.AddProject<TProject>(name).WithDirectEndpoints("http", ResourceNames.GrpcEndpoint);
        // A load run scrapes each service's metrics (the event hop); no other run serves them.
        if (builder.Configuration.GetValue<bool>("Telemetry:Prometheus"))
        {
            service.WithEnvironment("Telemetry__Prometheus", "true");
        }
        return service
            .WithReference(infrastructure.Redis)
            .WithEnvironment("Auth__Authority", tokenIssuer)
            .WaitFor(infrastructure.Redis)
            .WithOwnDatabase<TProject>(name, database, infrastructure)
            .WithHttpHealthCheck(ResourceNames.HealthPath, endpointName: "http");
    }

    /// <summary>
    /// The project's own database, least privilege: the project's built executable run with --migrate before it, as the
    /// database's owner, applies its migrations, gives the service's own role (made for this run, with a generated
    /// password) what it may do, and adds demo data in Development; the project starts only once that succeeded, and
    /// connects as that role, which owns nothing and may only read and add to its audit tables.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithOwnDatabase<TProject>(
        this IResourceBuilder<ProjectResource> project, string name, string database, PlatformInfrastructure infrastructure)
        where TProject : IProjectMetadata, new()
    {
        var builder = project.ApplicationBuilder;
        var owner = infrastructure.Database(database);
        var role = name.Replace('-', '_');
        var password = builder.AddParameter($"{name}-db-password", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true);
        // Started from the built executable, not with `dotnet run`: a one-shot step needs no MSBuild evaluation.
        var migrations = builder.AddExecutable(ResourceNames.MigrationsOf(name), BuiltProjects.ExecutableOf<TProject>(), BuiltProjects.DirectoryOf<TProject>(), "--migrate")
            .WithOtlpExporter()
            .WithEnvironment("DOTNET_ENVIRONMENT", builder.Environment.EnvironmentName)
            .WithReference(owner)
            .WithEnvironment("Database__ServiceRole", role)
            .WithEnvironment("Database__ServiceRolePassword", password)
            .WaitFor(infrastructure.Postgres)
            .WithParentRelationship(owner);
        var asService = builder.AddConnectionString($"{name}-db",
            ReferenceExpression.Create($"{infrastructure.ServerAddress};Database={database};Username={role};Password={password}"));
        return project.WithReference(asService, connectionName: database).WaitForCompletion(migrations);
    }
}
