using System.Diagnostics;
using HmisPlatform;
using HmisPlatform.DeployTest;
using Npgsql;

// deploy-test --manifests FILE --work FOLDER --containers-conf FILE [--keep]
// (./platform.sh deploy-test renders deploy/kubernetes/podman-test into FILE and runs this; docs/deploy.md)
var options = args.Select((a, i) => (a, i)).Where(p => p.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(p => p.a, p => p.i + 1 < args.Length && !args[p.i + 1].StartsWith("--", StringComparison.Ordinal) ? args[p.i + 1] : "");
string Option(string name) => options.TryGetValue(name, out var value) && value.Length > 0 ? value
    : throw new ArgumentException($"{name} is required: deploy-test --manifests FILE --work FOLDER --containers-conf FILE [--keep]");

var total = Stopwatch.StartNew();
void Say(string line) => Console.WriteLine($"[{total.Elapsed:mm\\:ss}] {line}");

var podman = new Podman(Path.GetFullPath(Option("--containers-conf")));
var deployment = PodmanDeployment.Load(podman, Path.GetFullPath(Option("--work")), await File.ReadAllTextAsync(Option("--manifests")), PlatformSecrets.Make);
var secrets = deployment.Secrets;
var problems = new List<string>();
try
{
    Say($"Playing {deployment.Workloads.Count} workloads ({deployment.Workloads.Sum(w => w.Replicas)} pods) with podman kube play");
    await deployment.UpAsync(Say);
    Say("Every pod is ready. Memory now:\n" + await deployment.MemoryAsync());

    using var platform = await DeployedPlatform.ConnectAsync(secrets,
        new Uri("https://127.0.0.1:18080"), new Uri("https://127.0.0.1:18081"), new Uri("http://127.0.0.1:18025"));
    NpgsqlConnection Database(string name) => new(secrets.SuperuserConnection(name, 15432));
    var journeys = new JourneysUnderFault(platform, Database, Say);

    // One replica of each process with two crashes at once; the other replica serves while the pod restarts it.
    var replicated = deployment.Workloads.Where(w => w is { Kind: WorkloadKind.Deployment, Replicas: > 1 }).ToList();
    problems.AddRange(await journeys.RunAsync($"one replica of each of {replicated.Count} services crashed", async () =>
    {
        Say($"Crashing {string.Join(", ", replicated.Select(w => PodmanDeployment.ContainerOf(w, 0)))}");
        await Task.WhenAll(replicated.Select(w => deployment.CrashAsync(w, 0)));
        Say("Every crashed replica is back and ready");
    }));

    // Redis away for thirty seconds: events wait in the outboxes and arrive once it is back.
    var redis = deployment.Named(ResourceNames.Redis);
    problems.AddRange(await journeys.RunAsync("Redis stopped for 30 s", async () =>
    {
        Say("Stopping Redis");
        await deployment.StopAsync(redis, 0);
        await Task.Delay(TimeSpan.FromSeconds(30));
        await deployment.StartAsync(redis, 0);
        Say("Redis is back");
    }));
    Say("Memory after the journeys:\n" + await deployment.MemoryAsync());
}
catch (Exception ex)
{
    problems.Add($"{ex.GetType().Name}: {ex.Message}");
}
finally
{
    if (!options.ContainsKey("--keep"))
    {
        Say("Tearing down");
        await deployment.DownAsync();
    }
}

// Aspire's containers mode, after the pods are gone: the AppHost with podman as its container runtime.
if (!options.ContainsKey("--keep"))
{
    problems.AddRange(await AspireContainers.RunAsync(podman, Path.GetFullPath(Option("--containers-conf")), Say));
}

foreach (var problem in problems)
{
    Console.Error.WriteLine($"  PROBLEM: {problem}");
}
Say(problems.Count == 0 ? "deploy-test passed" : $"deploy-test FAILED: {problems.Count} problems");
return problems.Count == 0 ? 0 : 1;
