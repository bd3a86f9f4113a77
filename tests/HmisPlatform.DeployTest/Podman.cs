using System.Diagnostics;

namespace HmisPlatform.DeployTest;

/// <summary>The podman command line, with this repository's <c>containers.conf</c> (deploy/podman).</summary>
public sealed class Podman(string containersConf)
{
    /// <summary>Runs podman and returns what it printed; throws with its error output when it fails.</summary>
    public async Task<string> RunAsync(params string[] arguments)
    {
        var (code, output, error) = await TryAsync(arguments);
        return code == 0 ? output : throw new InvalidOperationException($"podman {string.Join(' ', arguments.Take(3))} failed ({code}): {error.Trim()}");
    }

    /// <summary>Runs podman and returns its exit code and output, whatever they are.</summary>
    public async Task<(int Code, string Output, string Error)> TryAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("podman") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["CONTAINERS_CONF"] = containersConf;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("podman did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    /// <summary>A container's state: running or not, its exit code, its restarts, and its main process's id.</summary>
    public async Task<ContainerState> StateAsync(string container)
    {
        var fields = (await RunAsync("inspect", "--type", "container", "--format", "{{.State.Status}} {{.State.ExitCode}} {{.RestartCount}} {{.State.Pid}}", container))
            .Trim().Split(' ');
        return new ContainerState(fields[0], int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(fields[3], System.Globalization.CultureInfo.InvariantCulture));
    }
}

public sealed record ContainerState(string Status, int ExitCode, int Restarts, int Pid)
{
    public bool Running => Status == "running";
}
