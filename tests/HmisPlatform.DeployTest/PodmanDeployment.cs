using System.Diagnostics;
using System.Text.Json;
using k8s;
using k8s.Models;

[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("HmisPlatform.Deploy.Tests")]
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

namespace HmisPlatform.DeployTest;

/// <summary>
/// Kubernetes manifests played with <c>podman kube play</c> on one machine, as a cluster would run them as far as
/// podman 4.3 can: every Deployment with its replicas, each Service's name resolving to the pods it selects (a network
/// alias, so a caller reaches either replica), ConfigMaps and Secrets as environment and files, the migration Jobs
/// run to completion before the services start. What podman 4.3 cannot play is translated, never left out silently:
/// a StatefulSet becomes a Deployment with its claims as named volumes, a Job a pod that restarts on failure, a Secret
/// volume the same files on the host, an emptyDir a folder of the workload's own, and init containers (podman runs them again with every restart) are dropped,
/// since the Jobs have finished when the services start. Probes are run here (<see cref="WaitUntilReadyAsync"/>), as
/// podman runs its health checks only under systemd; the Ingress and the disruption budgets have no podman equivalent.
/// </summary>
public sealed class PodmanDeployment
{
    public const string Network = "hmis-deploy-test";

    private readonly Podman _podman;
    private readonly string _work;
    private readonly PlatformSecrets _secrets;
    private readonly List<V1ConfigMap> _configMaps;
    private readonly List<V1Service> _services;

    public IReadOnlyList<Workload> Workloads { get; }

    public IReadOnlyList<object> Manifests { get; }

    public PlatformSecrets Secrets => _secrets;

    private PodmanDeployment(Podman podman, string work, PlatformSecrets secrets, IReadOnlyList<object> manifests)
    {
        (_podman, _work, _secrets, Manifests) = (podman, work, secrets, manifests);
        _configMaps = [.. manifests.OfType<V1ConfigMap>()];
        _services = [.. manifests.OfType<V1Service>()];
        Workloads =
        [
            .. manifests.OfType<V1StatefulSet>().Select(s => Workload.Of(s.Metadata.Name, WorkloadKind.StatefulSet, s.Spec.Replicas ?? 1, s.Spec.Template, s.Spec.VolumeClaimTemplates)),
            .. manifests.OfType<V1Job>().Select(j => Workload.Of(j.Metadata.Name, WorkloadKind.Job, 1, j.Spec.Template, null)),
            .. manifests.OfType<V1Deployment>().Select(d => Workload.Of(d.Metadata.Name, WorkloadKind.Deployment, d.Spec.Replicas ?? 1, d.Spec.Template, null)),
        ];
    }

    /// <summary>Reads the rendered manifests; a field Kubernetes does not know is refused, as a strict schema check refuses it.</summary>
    public static PodmanDeployment Load(Podman podman, string work, string manifests, Func<IEnumerable<string>, PlatformSecrets> secrets)
    {
        var objects = KubernetesYaml.LoadAllFromString(manifests, strict: true);
        var tlsNames = objects.OfType<V1Deployment>().Where(d => d.Spec.Template.Spec.Volumes?.Any(v => v.Secret?.SecretName?.StartsWith("hmis-tls-", StringComparison.Ordinal) == true) == true)
            .Select(d => d.Metadata.Name);
        return new PodmanDeployment(podman, work, secrets(tlsNames), objects);
    }

    /// <summary>Everything up, in the order a cluster would get there: the stores, the migrations, then the processes.</summary>
    public async Task UpAsync(Action<string> say)
    {
        await DownAsync();
        Directory.CreateDirectory(_work);
        await _podman.RunAsync("network", "create", Network);
        await CreateSecretsAsync();
        foreach (var stage in new[] { WorkloadKind.StatefulSet, WorkloadKind.Job, WorkloadKind.Deployment })
        {
            var started = Stopwatch.StartNew();
            var workloads = Workloads.Where(w => w.Kind == stage).ToList();
            foreach (var workload in workloads)
            {
                await PlayAsync(workload);
            }
            await Task.WhenAll(workloads.Select(w => stage == WorkloadKind.Job ? WaitUntilCompletedAsync(w) : WaitUntilReadyAsync(w)));
            say($"{workloads.Count} {stage}s {(stage == WorkloadKind.Job ? "completed" : "ready")} ({string.Join(", ", workloads.Select(w => $"{w.Name} ×{w.Replicas}"))}) in {started.Elapsed.TotalSeconds:F0} s");
        }
    }

    /// <summary>Removes every pod, volume, secret and the network of the run (also what a run that was cut short left).</summary>
    public async Task DownAsync()
    {
        var pods = (await _podman.TryAsync("pod", "ps", "--filter", $"network={Network}", "--format", "{{.Name}}")).Output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(Workloads.SelectMany(w => w.Pods)).Distinct().ToArray();
        if (pods.Length > 0)
        {
            await _podman.TryAsync(["pod", "rm", "--force", "--ignore", "--time", "2", .. pods]);
        }
        // podman keeps a ConfigMap mounted as a volume as a named volume of the ConfigMap's name.
        var claims = Workloads.SelectMany(w => w.Claims)
            .Concat(Workloads.SelectMany(w => w.Template.Spec.Volumes ?? []).Where(v => v.ConfigMap is not null).Select(v => v.ConfigMap.Name))
            .Distinct().ToArray();
        if (claims.Length > 0)
        {
            await _podman.TryAsync(["volume", "rm", "--force", .. claims]);
        }
        foreach (var secret in _secrets.All.Keys)
        {
            await _podman.TryAsync("secret", "rm", secret);
        }
        await _podman.TryAsync("network", "rm", "--force", Network);
        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }

    /// <summary>The container of a workload's replica that runs its process (the pod's first container).</summary>
    public static string ContainerOf(Workload workload, int replica) => $"{workload.Pods[replica]}-{workload.Template.Spec.Containers[0].Name}";

    public Workload Named(string name) => Workloads.Single(w => w.Name == name);

    /// <summary>Kills a replica's process as a crash would (the pod's restart policy brings it back), and waits until it is ready again.</summary>
    public async Task CrashAsync(Workload workload, int replica)
    {
        var container = ContainerOf(workload, replica);
        var before = await _podman.StateAsync(container);
        Process.GetProcessById(before.Pid).Kill();
        await Eventually(async () => (await _podman.StateAsync(container)) is { Running: true } now && now.Restarts > before.Restarts,
            TimeSpan.FromMinutes(1), $"{container} to be restarted");
        await WaitUntilReadyAsync(workload, replica);
    }

    public Task StopAsync(Workload workload, int replica) => _podman.RunAsync("stop", "--time", "5", ContainerOf(workload, replica));

    public async Task StartAsync(Workload workload, int replica)
    {
        await _podman.RunAsync("start", ContainerOf(workload, replica));
        await WaitUntilReadyAsync(workload, replica);
    }

    /// <summary>Each running container's memory now, as <c>podman stats</c> reads it.</summary>
    public async Task<string> MemoryAsync() =>
        (await _podman.RunAsync("stats", "--no-stream", "--format", "{{.Name}} {{.MemUsage}}")).Trim();

    private async Task CreateSecretsAsync()
    {
        var folder = Path.Combine(_work, "secrets");
        Directory.CreateDirectory(folder);
        foreach (var (name, entries) in _secrets.All)
        {
            // podman 4.3 reads a secret named by secretKeyRef as a JSON map of base64 values (as a Secret's data).
            var file = Path.Combine(folder, $"{name}.json");
            await File.WriteAllTextAsync(file, JsonSerializer.Serialize(entries.ToDictionary(e => e.Key, e => Convert.ToBase64String(e.Value))));
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            await _podman.RunAsync("secret", "create", name, file);
        }
    }

    private async Task PlayAsync(Workload workload)
    {
        var file = Path.Combine(_work, $"{workload.Name}.yaml");
        await File.WriteAllTextAsync(file, string.Join("\n---\n", Render(workload).Select(KubernetesYaml.Serialize)));
        var aliases = _services.Where(s => s.Spec.Selector is { Count: > 0 } selector
                && selector.All(l => workload.Template.Metadata.Labels?.TryGetValue(l.Key, out var value) == true && value == l.Value))
            .Select(s => $"alias={s.Metadata.Name}").ToList();
        await _podman.RunAsync("kube", "play", "--network", aliases.Count == 0 ? Network : $"{Network}:{string.Join(',', aliases)}", file);
    }

    /// <summary>The workload as podman 4.3 plays it (see the class's summary), with the ConfigMaps its environment reads.</summary>
    internal IEnumerable<object> Render(Workload workload)
    {
        var spec = workload.Template.Spec;
        spec.InitContainers = null;
        foreach (var container in spec.Containers)
        {
            (container.ReadinessProbe, container.LivenessProbe, container.StartupProbe) = (null, null, null);
            // podman 4.3 publishes every container port on all the host's addresses: only those the manifests publish
            // (hostPort, on 127.0.0.1) stay; the pods reach each other's ports on their network all the same.
            container.Ports = container.Ports?.Where(p => p.HostPort is not null).ToList() is { Count: > 0 } published ? published : null;
        }
        foreach (var volume in spec.Volumes ?? [])
        {
            if (volume.Secret is { } secret)
            {
                volume.HostPath = new V1HostPathVolumeSource { Path = SecretFiles(workload, volume.Name, secret), Type = "Directory" };
                volume.Secret = null;
            }
            if (volume.EmptyDir is not null)
            {
                // podman 4.3 plays an emptyDir as a named volume of the volume's name, one for every pod that names it
                // alike (every "tmp"): a folder of the workload's own instead, writable by anyone as an emptyDir is.
                var folder = Path.Combine(_work, "volumes", workload.Name, volume.Name);
                Directory.CreateDirectory(folder);
                File.SetUnixFileMode(folder, (UnixFileMode)0b1_111_111_111);
                volume.HostPath = new V1HostPathVolumeSource { Path = folder, Type = "Directory" };
                volume.EmptyDir = null;
            }
        }
        foreach (var configMap in _configMaps)
        {
            yield return configMap;
        }
        foreach (var claim in workload.ClaimTemplates)
        {
            var name = $"{claim.Metadata.Name}-{workload.Name}";
            yield return new V1PersistentVolumeClaim
            {
                ApiVersion = "v1", Kind = "PersistentVolumeClaim", Metadata = new V1ObjectMeta { Name = name },
                Spec = claim.Spec,
            };
            (spec.Volumes ??= []).Add(new V1Volume { Name = claim.Metadata.Name, PersistentVolumeClaim = new V1PersistentVolumeClaimVolumeSource { ClaimName = name } });
        }
        if (workload.Kind == WorkloadKind.Job)
        {
            spec.RestartPolicy = "OnFailure";
            yield return new V1Pod { ApiVersion = "v1", Kind = "Pod", Metadata = new V1ObjectMeta { Name = workload.Name, Labels = workload.Template.Metadata?.Labels }, Spec = spec };
            yield break;
        }
        yield return new V1Deployment
        {
            ApiVersion = "apps/v1", Kind = "Deployment", Metadata = new V1ObjectMeta { Name = workload.Name },
            Spec = new V1DeploymentSpec { Replicas = workload.Replicas, Selector = new V1LabelSelector { MatchLabels = workload.Template.Metadata.Labels }, Template = workload.Template },
        };
    }

    /// <summary>A Secret volume's files on the host, readable by the pod's user alone.</summary>
    private string SecretFiles(Workload workload, string volume, V1SecretVolumeSource source)
    {
        var folder = Path.Combine(_work, "volumes", workload.Name, volume);
        Directory.CreateDirectory(folder);
        var entries = _secrets.All.TryGetValue(source.SecretName, out var found) ? found
            : throw new InvalidOperationException($"{workload.Name} mounts Secret {source.SecretName}, which this run does not make.");
        var user = workload.Template.Spec.SecurityContext?.RunAsUser ?? 0;
        foreach (var (key, path) in source.Items?.Select(i => (i.Key, i.Path)) ?? entries.Keys.Select(k => (k, k)))
        {
            var file = Path.Combine(folder, path);
            File.WriteAllBytes(file, entries[key]);
            File.SetUnixFileMode(file, UnixFileMode.UserRead);
            Chown(file, user);
        }
        Chown(folder, user);
        return folder;
    }

    private static void Chown(string path, long user)
    {
        using var chown = Process.Start("chown", [$"{user}:{user}", path]);
        chown.WaitForExit();
    }

    /// <summary>Waits until every replica answers its readiness probe (or runs, when it has none).</summary>
    public Task WaitUntilReadyAsync(Workload workload) => Task.WhenAll(Enumerable.Range(0, workload.Replicas).Select(r => WaitUntilReadyAsync(workload, r)));

    public Task WaitUntilReadyAsync(Workload workload, int replica)
    {
        var container = ContainerOf(workload, replica);
        var probe = workload.Readiness;
        string[]? check = probe switch
        {
            { HttpGet: { } get } => ["exec", container, "curl", "-fsS", "-k", "--max-time", "3",
                $"{(get.Scheme ?? "HTTP").ToLowerInvariant()}://127.0.0.1:{PortOf(workload, get.Port)}{get.Path}", "-o", "/dev/null"],
            { Exec: { } exec } => ["exec", container, .. exec.Command],
            _ => null,
        };
        return Eventually(async () => check is null ? (await _podman.StateAsync(container)).Running : (await _podman.TryAsync(check)).Code == 0,
            TimeSpan.FromMinutes(5), $"{container} to be ready");
    }

    private async Task WaitUntilCompletedAsync(Workload job)
    {
        var container = ContainerOf(job, 0);
        await Eventually(async () => await _podman.StateAsync(container) is { Running: false, ExitCode: 0 } state && state.Status == "exited",
            TimeSpan.FromMinutes(3), $"{container} to complete");
    }

    private static int PortOf(Workload workload, IntOrString port) =>
        int.TryParse(port.Value, out var number) ? number : workload.Ports[port.Value];

    private static async Task Eventually(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds:F0} s for {what}.");
            }
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }
}
