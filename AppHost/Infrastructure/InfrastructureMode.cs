using System.Diagnostics;

namespace HmisPlatform.AppHost.Infrastructure;

/// <summary>Which infrastructure mode runs: <c>containers</c> when a container runtime answers, <c>local</c> otherwise.</summary>
public static class InfrastructureMode
{
    public const string Auto = "auto";
    public const string Containers = "containers";
    public const string Local = "local";

    public static string Resolve(string configured) => configured.Trim().ToLowerInvariant() switch
    {
        Containers => Containers,
        Local => Local,
        Auto => ContainerRuntimeAnswers() ? Containers : Local,
        var other => throw new InvalidOperationException($"Infrastructure:Mode must be auto, containers or local, not '{other}'."),
    };

    /// <summary>Asks the container runtime Aspire would use (DOCKER by default) for its server version.</summary>
    private static bool ContainerRuntimeAnswers()
    {
        var runtime = Environment.GetEnvironmentVariable("ASPIRE_CONTAINER_RUNTIME") ?? "docker";
        try
        {
            using var process = Process.Start(new ProcessStartInfo(runtime, "info --format {{.ServerVersion}}")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null)
            {
                return false;
            }
            if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
