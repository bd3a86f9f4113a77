namespace HmisPlatform.AppHost.Infrastructure;

/// <summary>One service's database on the local Postgres server; the service's migration step creates it.</summary>
public sealed class LocalPostgresDatabaseResource(string name, LocalPostgresResource parent)
    : Resource(name), IResourceWithParent<LocalPostgresResource>, IResourceWithConnectionString
{
    public LocalPostgresResource Parent { get; } = parent;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Parent.ConnectionString};Database={Name}");
}
