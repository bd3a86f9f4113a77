using k8s.Models;

namespace HmisPlatform.DeployTest;

public enum WorkloadKind
{
    StatefulSet,
    Job,
    Deployment,
}

/// <summary>A Deployment, StatefulSet or Job of the manifests: its pods as podman names them, and its readiness probe.</summary>
public sealed record Workload(string Name, WorkloadKind Kind, int Replicas, V1PodTemplateSpec Template, IReadOnlyList<V1PersistentVolumeClaim> ClaimTemplates,
    V1Probe? Readiness, IReadOnlyDictionary<string, int> Ports)
{
    public static Workload Of(string name, WorkloadKind kind, int replicas, V1PodTemplateSpec template, IList<V1PersistentVolumeClaim>? claims) =>
        new(name, kind, replicas, template, [.. claims ?? []], template.Spec.Containers[0].ReadinessProbe,
            (template.Spec.Containers[0].Ports ?? []).Where(p => p.Name is not null).ToDictionary(p => p.Name, p => p.ContainerPort));

    /// <summary>podman names a Deployment's pods NAME-pod-N, and a Pod (a Job here) by its own name.</summary>
    public IReadOnlyList<string> Pods => Kind == WorkloadKind.Job ? [Name] : [.. Enumerable.Range(0, Replicas).Select(i => $"{Name}-pod-{i}")];

    public IEnumerable<string> Claims => ClaimTemplates.Select(c => $"{c.Metadata.Name}-{Name}");
}
