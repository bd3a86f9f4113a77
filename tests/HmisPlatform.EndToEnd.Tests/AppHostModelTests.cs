using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using HmisPlatform.Testing;

namespace HmisPlatform.EndToEnd.Tests;

/// <summary>How the AppHost wires the local run, read from its model without starting it.</summary>
public sealed class AppHostModelTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("hmis-model-").FullName;
    private IDistributedApplicationTestingBuilder _builder = null!;

    public async Task InitializeAsync() =>
        _builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.HmisPlatform_AppHost>(
            ["--Infrastructure:Mode=local", $"--Infrastructure:DataDirectory={_data}"]);

    [Theory]
    [InlineData(ResourceNames.RequestsApi, "HmisPlatform.Requests")]
    [InlineData(ResourceNames.CredentialingApi, "HmisPlatform.Credentialing")]
    [InlineData(ResourceNames.Gateway, "HmisPlatform.Gateway")]
    public void EachMigrationStep_StartsTheProjectsBuiltExecutable_NotDotnetRun(string service, string executable)
    {
        var step = Assert.Single(_builder.Resources.OfType<ExecutableResource>(), r => r.Name == ResourceNames.MigrationsOf(service));

        Assert.Equal(executable, Path.GetFileName(step.Command));
        Assert.True(File.Exists(step.Command), $"{step.Command} is not there.");
    }

    [Fact]
    public void TheServices_ServeTheirOwnEndpointsBelowTheEphemeralPorts_WhileTheGatewayKeepsItsProxiedFixedOnes()
    {
        var projects = _builder.Resources.OfType<ProjectResource>().ToDictionary(p => p.Name);
        foreach (var service in ResourceNames.DomainServices)
        {
            var endpoints = projects[service].Annotations.OfType<EndpointAnnotation>().ToList();
            Assert.Equal(["grpc", "http"], endpoints.Select(e => e.Name).Order());
            Assert.All(endpoints, e =>
            {
                Assert.False(e.IsProxied, $"{service} {e.Name} is proxied.");
                Assert.Equal(e.Port, e.TargetPort);
                Assert.InRange(e.Port!.Value, 20000, 32767);
            });
        }
        Assert.All(projects[ResourceNames.Gateway].Annotations.OfType<EndpointAnnotation>(), e => Assert.True(e.IsProxied));
    }

    [Fact]
    public void TheGateway_WaitsForItsOwnMigrationStepOnly_AndStartsBesideTheServices()
    {
        var gateway = _builder.Resources.OfType<ProjectResource>().Single(p => p.Name == ResourceNames.Gateway);

        Assert.Equal([ResourceNames.MigrationsOf(ResourceNames.Gateway)], gateway.Annotations.OfType<WaitAnnotation>().Select(w => w.Resource.Name));
    }

    public async Task DisposeAsync()
    {
        await _builder.DisposeAsync();
        TemporaryFolders.Delete(_data);
    }
}
