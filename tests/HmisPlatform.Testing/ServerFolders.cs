using System.Diagnostics;

namespace HmisPlatform.Testing;

/// <summary>Test servers' data folders, removed with their servers however the test process ends.</summary>
public static class ServerFolders
{
    /// <summary>
    /// The test host does not always live to run its exit handler: once a run is over, <c>dotnet test</c> may kill it
    /// with its process tree, servers included, and the folder (about 2 GB of Postgres data) would stay behind. A
    /// watcher outside that tree (its launcher exits at once, so it belongs to init) waits for the owner to end,
    /// stops the servers if they still run (the launch scripts exec them, so their ids are the scripts'), and removes
    /// the folder. After a normal exit it finds nothing left to do.
    /// </summary>
    public static void RemoveAfter(int owner, string directory, IReadOnlyList<int> servers)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var start = new ProcessStartInfo("setsid") { RedirectStandardOutput = true, RedirectStandardError = true };
        string[] arguments =
        [
            "bash", "-c",
            """(while kill -0 "$1" 2>/dev/null; do sleep 1; done; shift; dir="$1"; shift; kill -INT "$@" 2>/dev/null; sleep 2; kill -KILL "$@" 2>/dev/null; rm -rf -- "$dir") </dev/null >/dev/null 2>&1 &""",
            "hmis-tests-watcher", owner.ToString(System.Globalization.CultureInfo.InvariantCulture), directory,
            .. servers.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var launcher = Process.Start(start) ?? throw new InvalidOperationException("The folder's watcher did not start.");
        launcher.WaitForExit();
    }
}
