using System.Diagnostics;
using System.Reflection;
using HmisPlatform.Testing;

namespace HmisPlatform.EndToEnd.Tests;

/// <summary>The local mail catcher swallows every e-mail, links included: it must never run where real people are mailed.</summary>
public sealed class MailCatcherTests
{
    [Trait("ASVS", "13.4.1")]
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task TheMailCatcher_RefusesToStartOutsideDevelopment(string environment)
    {
        var configuration = typeof(MailCatcherTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var binary = Path.Combine(RepositoryPaths.Root, "services", "MailCatcher", "bin", configuration, "net10.0", "HmisPlatform.MailCatcher.dll");
        var start = new ProcessStartInfo("dotnet", [binary])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            Environment =
            {
                ["DOTNET_ENVIRONMENT"] = environment,
                ["ASPNETCORE_ENVIRONMENT"] = environment,
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort.Next()}",
                ["MailCatcher__SmtpPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        };
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);

            Assert.Equal(1, process.ExitCode);
            Assert.Contains("Development only", await error, StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
