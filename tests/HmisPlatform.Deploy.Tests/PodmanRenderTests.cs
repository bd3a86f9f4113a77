using HmisPlatform.DeployTest;
using k8s.Models;

namespace HmisPlatform.Deploy.Tests;

/// <summary>
/// How the deploy test plays what podman 4.3 cannot play as written: a StatefulSet as a Deployment with its claims as
/// named volumes, a Job as a pod that restarts on failure, a Secret volume as its files on the host (only the keys it
/// names, readable by the pod's user alone), and neither init containers nor probes (the test runs the probes itself).
/// </summary>
public sealed class PodmanRenderTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("hmis-render-").FullName;

    private PodmanDeployment Load(params string[] files) => PodmanDeployment.Load(new Podman("/dev/null"), _work,
        string.Join("---\n", files.Select(f => File.ReadAllText(Path.Combine(Manifests.Folder, f)))), PlatformSecrets.Make);

    [Fact]
    public void AStatefulSet_IsPlayedAsADeployment_WithEachClaimAsANamedVolume()
    {
        var deployment = Load("single-node/postgres.yaml");

        var played = deployment.Render(deployment.Named(ResourceNames.Postgres)).ToList();

        var claim = Assert.Single(played.OfType<V1PersistentVolumeClaim>());
        Assert.Equal("data-postgres", claim.Metadata.Name);
        var pod = Assert.Single(played.OfType<V1Deployment>()).Spec;
        Assert.Equal(1, pod.Replicas);
        Assert.Equal("data-postgres", pod.Template.Spec.Volumes.Single(v => v.Name == "data").PersistentVolumeClaim.ClaimName);
        Assert.Equal(["postgres-pod-0"], deployment.Named(ResourceNames.Postgres).Pods);
    }

    [Fact]
    public void AMigrationJob_IsPlayedAsAPodThatRestartsOnFailure_NamedAsTheJob()
    {
        var deployment = Load("base/settings.yaml", "base/migrations.yaml");
        var job = deployment.Named("credentialing-migrations");

        var played = deployment.Render(job).ToList();

        var pod = Assert.Single(played.OfType<V1Pod>());
        Assert.Equal("credentialing-migrations", pod.Metadata.Name);
        Assert.Equal("OnFailure", pod.Spec.RestartPolicy);
        Assert.Equal(["--migrate"], pod.Spec.Containers.Single().Args);
        Assert.Single(played.OfType<V1ConfigMap>(), c => c.Metadata.Name == "hmis-settings");
        Assert.Equal("credentialing-migrations-migrate", PodmanDeployment.ContainerOf(job, 0));
    }

    [Fact]
    public void AService_KeepsItsReplicas_SecretVolumesBecomeTheirFiles_AndInitContainersAndProbesAreLeftToTheTest()
    {
        var deployment = Load("base/settings.yaml", "base/gateway.yaml");
        var gateway = deployment.Named(ResourceNames.Gateway);

        var played = Assert.Single(deployment.Render(gateway).OfType<V1Deployment>()).Spec;

        Assert.Equal(2, played.Replicas);
        Assert.Equal(["gateway-pod-0", "gateway-pod-1"], gateway.Pods);
        Assert.Null(played.Template.Spec.InitContainers);
        var container = played.Template.Spec.Containers.Single();
        Assert.Null(container.ReadinessProbe);
        Assert.Null(container.LivenessProbe);
        Assert.Equal(ResourceNames.HealthPath, gateway.Readiness!.HttpGet.Path);
        var signing = played.Template.Spec.Volumes.Single(v => v.Name == "signing");
        Assert.Null(signing.Secret);
        Assert.Equal(["signing.pfx"], Directory.GetFiles(signing.HostPath.Path).Select(Path.GetFileName));
        Assert.Equal(UnixFileMode.UserRead, File.GetUnixFileMode(Path.Combine(signing.HostPath.Path, "signing.pfx")));
        var tls = played.Template.Spec.Volumes.Single(v => v.Name == "tls");
        Assert.Equal(["tls.crt", "tls.key"], Directory.GetFiles(tls.HostPath.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("-----BEGIN CERTIFICATE-----", File.ReadAllText(Path.Combine(tls.HostPath.Path, "tls.crt")), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
