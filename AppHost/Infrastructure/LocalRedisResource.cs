using System.Globalization;

namespace HmisPlatform.AppHost.Infrastructure;

/// <summary>This machine's own redis-server, run by the AppHost as an executable on a loopback port.</summary>
public sealed class LocalRedisResource(string name, string command, string workingDirectory, int port, string password)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public int Port { get; } = port;

    public string ConnectionString { get; } = $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)},password={password}";

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{ConnectionString}");
}
