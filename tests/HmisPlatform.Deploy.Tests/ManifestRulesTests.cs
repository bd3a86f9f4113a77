using k8s.Models;

namespace HmisPlatform.Deploy.Tests;

/// <summary>
/// What every install of the manifests gets (docs/deploy.md): two replicas of every process behind a Service and a
/// disruption budget; readiness and liveness on the health endpoints; no root, no writable root filesystem, requests
/// and limits everywhere; secrets only from Secrets; each database's migration as a Job the process waits for; and
/// calls between processes over HTTPS only.
/// </summary>
public sealed class ManifestRulesTests
{
    private static readonly IReadOnlyList<object> Platform = Manifests.In("base");
    private static readonly IReadOnlyList<V1Deployment> Deployments = [.. Platform.OfType<V1Deployment>()];

    private static IEnumerable<(string Workload, V1PodSpec Spec)> EveryPod() =>
        Deployments.Select(d => (d.Metadata.Name, d.Spec.Template.Spec))
            .Concat(Platform.OfType<V1Job>().Select(j => (j.Metadata.Name, j.Spec.Template.Spec)))
            .Concat(Manifests.In("single-node").OfType<V1StatefulSet>().Select(s => (s.Metadata.Name, s.Spec.Template.Spec)));

    [Fact]
    public void TheGatewayAndEveryService_RunTwoReplicas_BehindAServiceAndADisruptionBudget()
    {
        Assert.Equal([ResourceNames.AssessmentApi, ResourceNames.CredentialingApi, ResourceNames.Gateway, ResourceNames.NotificationsApi, ResourceNames.RequestsApi, ResourceNames.TrainingApi],
            Deployments.Select(d => d.Metadata.Name).Order(StringComparer.Ordinal));
        Assert.All(Deployments, d =>
        {
            Assert.Equal(2, d.Spec.Replicas);
            var labels = d.Spec.Template.Metadata.Labels;
            Assert.Single(Platform.OfType<V1Service>(), s => s.Metadata.Name == $"hmis-{d.Metadata.Name}" && s.Spec.Selector.All(l => labels[l.Key] == l.Value));
            var budget = Assert.Single(Platform.OfType<V1PodDisruptionBudget>(), b => b.Spec.Selector.MatchLabels.All(l => labels[l.Key] == l.Value));
            Assert.Equal("1", budget.Spec.MinAvailable?.Value);
        });
    }

    [Fact]
    public void EveryProcess_IsReadyOnItsHealth_AndAliveOnItsProcess()
    {
        Assert.All(Deployments, d =>
        {
            var container = d.Spec.Template.Spec.Containers.Single();
            Assert.Equal(ResourceNames.HealthPath, container.ReadinessProbe.HttpGet.Path);
            Assert.Equal("/alive", container.LivenessProbe.HttpGet.Path);
            Assert.Equal("/alive", container.StartupProbe.HttpGet.Path);
            Assert.All([container.ReadinessProbe, container.LivenessProbe, container.StartupProbe], p => Assert.Equal("HTTPS", p.HttpGet.Scheme));
        });
    }

    [Fact]
    public void EveryContainer_RunsAsAnotherUserThanRoot_OnAReadOnlyRootFilesystem_WithRequestsAndAMemoryLimit()
    {
        Assert.All(EveryPod(), pod =>
        {
            Assert.True(pod.Spec.SecurityContext.RunAsNonRoot, pod.Workload);
            Assert.NotEqual(0, pod.Spec.SecurityContext.RunAsUser);
            Assert.False(pod.Spec.AutomountServiceAccountToken, pod.Workload);
            Assert.All(pod.Spec.Containers.Concat(pod.Spec.InitContainers ?? []), c =>
            {
                Assert.True(c.SecurityContext.ReadOnlyRootFilesystem, $"{pod.Workload}/{c.Name}");
                Assert.False(c.SecurityContext.AllowPrivilegeEscalation, $"{pod.Workload}/{c.Name}");
                Assert.Equal(["ALL"], c.SecurityContext.Capabilities.Drop);
                Assert.True(c.Resources.Requests.ContainsKey("cpu") && c.Resources.Requests.ContainsKey("memory"), $"{pod.Workload}/{c.Name} requests");
                Assert.True(c.Resources.Limits.ContainsKey("memory"), $"{pod.Workload}/{c.Name} memory limit");
            });
        });
    }

    [Fact]
    public void NoSecretIsWrittenIntoTheManifests_EverySecretSettingComesFromASecret()
    {
        var secretSettings = new[] { "ConnectionStrings__", "Secret", "Password", "REDIS_PASSWORD", "POSTGRES_PASSWORD" };
        Assert.All(EveryPod().SelectMany(p => p.Spec.Containers.Concat(p.Spec.InitContainers ?? []).SelectMany(c => c.Env ?? [])
            .Where(e => secretSettings.Any(s => e.Name.Contains(s, StringComparison.Ordinal)) && !e.Name.EndsWith("ServiceRole", StringComparison.Ordinal))),
            setting => Assert.NotNull(setting.ValueFrom?.SecretKeyRef));
        var settings = Assert.Single(Platform.OfType<V1ConfigMap>());
        Assert.DoesNotContain(settings.Data, s => s.Key.Contains("Password", StringComparison.Ordinal) || s.Key.Contains("Secret", StringComparison.Ordinal)
            || s.Key.StartsWith("ConnectionStrings", StringComparison.Ordinal));
    }

    [Fact]
    public void EachDatabase_IsMigratedByAJobOfItsService_WhichItsReplicasWaitFor()
    {
        Assert.All(Deployments, d =>
        {
            var container = d.Spec.Template.Spec.Containers.Single();
            var database = Assert.Single(container.Env, e => e.Name.StartsWith("ConnectionStrings__", StringComparison.Ordinal) && e.Name != "ConnectionStrings__redis");
            var job = Assert.Single(Platform.OfType<V1Job>(), j => j.Spec.Template.Spec.Containers.Single().Env.Any(e => e.Name == database.Name));
            var migrate = job.Spec.Template.Spec.Containers.Single();
            Assert.Equal(container.Image, migrate.Image);
            Assert.Equal(["--migrate"], migrate.Args);
            Assert.Equal($"{database.ValueFrom.SecretKeyRef.Key}-owner", migrate.Env.Single(e => e.Name == database.Name).ValueFrom.SecretKeyRef.Key);
            Assert.Equal(d.Metadata.Name.Replace('-', '_'), migrate.Env.Single(e => e.Name == "Database__ServiceRole").Value);

            var wait = Assert.Single(d.Spec.Template.Spec.InitContainers);
            Assert.Equal(container.Image, wait.Image);
            Assert.Equal(["--wait-for-migrations"], wait.Args);
            Assert.Equal(database.ValueFrom.SecretKeyRef.Key, wait.Env.Single(e => e.Name == database.Name).ValueFrom.SecretKeyRef.Key);
        });
    }

    [Fact]
    public void ProcessesCallEachOtherOverHttpsOnly_AtTheServicesOfTheManifests()
    {
        var settings = Assert.Single(Platform.OfType<V1ConfigMap>()).Data;
        Assert.Equal("Production", settings["DOTNET_ENVIRONMENT"]);
        var addresses = settings.Where(s => s.Key.StartsWith("services__", StringComparison.Ordinal)).ToList();
        Assert.Equal(Deployments.Count * 2, addresses.Count);
        Assert.All(addresses, a =>
        {
            var address = new Uri(a.Value);
            Assert.Equal(Uri.UriSchemeHttps, address.Scheme);
            Assert.Contains(Platform.OfType<V1Service>(), s => s.Metadata.Name == address.Host && s.Spec.Ports.Any(p => p.Port == address.Port));
        });
        Assert.All(settings.Where(s => s.Key.StartsWith("Kestrel__Endpoints__", StringComparison.Ordinal)), e => Assert.StartsWith("https://", e.Value, StringComparison.Ordinal));
        Assert.StartsWith("https://", settings["Auth__Authority"], StringComparison.Ordinal);
    }
}
