namespace HmisPlatform.AppHost.Infrastructure;

/// <summary>
/// The Postgres server, its service databases (as their owner, for migrations), where the server is
/// (<c>Host=…;Port=…</c>, for the services' own roles) and Redis, whichever mode provides them.
/// </summary>
public sealed record PlatformInfrastructure(
    IResourceBuilder<IResource> Postgres,
    ReferenceExpression ServerAddress,
    IReadOnlyDictionary<string, IResourceBuilder<IResourceWithConnectionString>> Databases,
    IResourceBuilder<IResourceWithConnectionString> Redis)
{
    public static readonly string[] DatabaseNames =
        [ResourceNames.RequestsDb, ResourceNames.TrainingDb, ResourceNames.AssessmentDb, ResourceNames.CredentialingDb, ResourceNames.NotificationsDb, ResourceNames.GatewayDb];

    public IResourceBuilder<IResourceWithConnectionString> Database(string name) => Databases[name];
}
