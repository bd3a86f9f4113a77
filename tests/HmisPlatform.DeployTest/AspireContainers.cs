using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using HmisPlatform.Journeys;
using HmisPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HmisPlatform.DeployTest;

/// <summary>
/// The AppHost's containers mode on this machine: podman as Aspire's container runtime, Postgres and Redis from the
/// images built here (<c>--images local</c>), every service healthy, and one person from request to live account
/// through its gateway. The volumes the run made are removed with it.
/// </summary>
public static class AspireContainers
{
    public static async Task<IReadOnlyList<string>> RunAsync(Podman podman, string containersConf, Action<string> say)
    {
        Environment.SetEnvironmentVariable("ASPIRE_CONTAINER_RUNTIME", "podman");
        Environment.SetEnvironmentVariable("CONTAINERS_CONF", containersConf);
        var volumesBefore = await VolumesAsync(podman);
        var started = Stopwatch.StartNew();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.HmisPlatform_AppHost>(
        [
            "--Infrastructure:Mode=containers",
            "--Infrastructure:Images=local",
            $"--MailCatcher:SmtpPort={FreePort.Next()}",
        ]);
        builder.Services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("HmisPlatform.AppHost.Resources", LogLevel.None)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None));
        var problems = new List<string>();
        try
        {
            await using var app = await builder.BuildAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
            await app.StartAsync(timeout.Token);
            await Task.WhenAll(ResourceNames.Processes.Select(p => app.ResourceNotifications.WaitForResourceHealthyAsync(p, timeout.Token)));
            var containers = (await podman.RunAsync("ps", "--format", "{{.Image}}")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            say($"Aspire containers mode under podman: every resource healthy in {started.Elapsed.TotalSeconds:F0} s, running {string.Join(", ", containers.Distinct())}");
            if (!containers.Any(c => c.Contains("hmis/postgres", StringComparison.Ordinal)) || !containers.Any(c => c.Contains("hmis/redis", StringComparison.Ordinal)))
            {
                problems.Add("Aspire containers mode: Postgres and Redis do not run as the local images' containers");
            }

            using var platform = await DeployedPlatform.ConnectAsync(null, app.GetEndpoint(ResourceNames.Gateway, "http"),
                app.GetEndpoint(ResourceNames.Gateway, ResourceNames.GrpcEndpoint), app.GetEndpoint(ResourceNames.MailCatcher, "http"));
            var driver = platform.Driver();
            using var ata = await driver.SignInAtaAsync();
            var account = await driver.WholeJourneyAsync("Aspire", "Containers" + new string([.. Enumerable.Range(0, 8).Select(_ => (char)('a' + Random.Shared.Next(26)))]), ata);
            if (account.Status != Hmis.Credentialing.V1.AccountStatus.Active)
            {
                problems.Add($"Aspire containers mode: the journey ended with an account {account.Status}");
            }
            say($"Aspire containers mode: a journey from request to live account through its gateway; {started.Elapsed.TotalSeconds:F0} s in all");
            await app.StopAsync();
        }
        catch (Exception ex)
        {
            problems.Add($"Aspire containers mode: {ex.GetType().Name}: {ex.Message}");
        }
        finally
        {
            var made = (await VolumesAsync(podman)).Except(volumesBefore).ToArray();
            if (made.Length > 0)
            {
                await podman.TryAsync(["volume", "rm", "--force", .. made]);
            }
        }
        return problems;
    }

    private static async Task<IReadOnlyList<string>> VolumesAsync(Podman podman) =>
        (await podman.TryAsync("volume", "ls", "--format", "{{.Name}}")).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
