namespace HmisPlatform.AppHost.Infrastructure;

/// <summary>How Postgres and Redis are provided (configuration section <c>Infrastructure</c>).</summary>
public sealed class InfrastructureOptions
{
    /// <summary><c>auto</c> (default), <c>containers</c> or <c>local</c>; also <c>--infra local</c> on the command line.</summary>
    public string Mode { get; set; } = "auto";

    /// <summary>Loopback port of the local-mode Postgres; fixed so tools can reach it across restarts.</summary>
    public int PostgresPort { get; set; } = 55432;

    /// <summary>Loopback port of the local-mode Redis.</summary>
    public int RedisPort { get; set; } = 56379;

    /// <summary>Where local mode keeps its data; defaults to <c>.data/local</c> in the repository (git ignores it).</summary>
    public string? DataDirectory { get; set; }

    /// <summary>
    /// Containers mode's images: <c>registry</c> (default), Aspire's Postgres and Redis from their registry; or <c>local</c>,
    /// the <c>hmis/postgres</c> and <c>hmis/redis</c> images <c>./platform.sh images</c> builds from Debian's packages,
    /// for a machine that reaches no registry (docs/deploy.md).
    /// </summary>
    public string Images { get; set; } = "registry";
}
