using Microsoft.Extensions.Hosting;

namespace HmisPlatform.BuildingBlocks.Hosting;

/// <summary>
/// Where a process runs: Development (the local run) and Testing are local; every other environment (Production,
/// Staging, whatever an operator names it) is a deployment, and is held to everything Production is: the start-up
/// checks, HTTPS only, and no test clock.
/// </summary>
public static class DeployedEnvironment
{
    public const string Testing = "Testing";

    public static bool IsDeployed(this IHostEnvironment environment) =>
        !environment.IsDevelopment() && !environment.IsEnvironment(Testing);
}
