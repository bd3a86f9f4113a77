using System.Globalization;

namespace HmisPlatform.AppHost.Infrastructure;

/// <summary>This machine's own PostgreSQL server, run by the AppHost as an executable on a loopback port.</summary>
public sealed class LocalPostgresResource(string name, string command, string workingDirectory, int port, string password)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string UserName = "hmis";

    public int Port { get; } = port;

    /// <summary>The server's connection string, without a database.</summary>
    public string ConnectionString { get; } = $"Host=127.0.0.1;Port={port.ToString(CultureInfo.InvariantCulture)};Username={UserName};Password={password}";

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{ConnectionString}");
}
