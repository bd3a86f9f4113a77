using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace HmisPlatform.BuildingBlocks.Hosting.TestClock;

/// <summary>
/// Outside Production, a service's rules read the test clock (<see cref="PlatformClock"/>) and the gateway can probe its
/// clock and run its sweeps; in Production neither exists, and the rules read the real time.
/// </summary>
public static class TestClockRegistration
{
    public static void AddTestClock(this IHostApplicationBuilder builder)
    {
        if (builder.Environment.IsDeployed())
        {
            return;
        }
        builder.Services.AddSingleton<PlatformClock>();
        // Replaces the system clock whoever registered it first (resilience does): the rules read the test clock.
        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(services => services.GetRequiredService<PlatformClock>()));
        builder.Services.AddSingleton<TestClockFollower>();
        builder.Services.AddHostedService(services => services.GetRequiredService<TestClockFollower>());
    }

    public static void MapTestClock(this WebApplication app)
    {
        if (!app.Environment.IsDeployed())
        {
            app.MapGrpcService<ServiceClockService>().RequireAuthorization();
        }
    }

    /// <summary>
    /// Registers background work done in rounds. A sweep (work that acts on what time made due: recency, seats,
    /// inactivity, deadlines, digests) also runs on demand with the test clock; a queue's worker (e-mail delivery, the
    /// LMS sync, metrics) does not.
    /// </summary>
    public static IServiceCollection AddRecurringWork<TWork>(this IServiceCollection services, bool isSweep = true)
        where TWork : RecurringWork
    {
        services.AddSingleton<TWork>();
        services.AddHostedService(provider => provider.GetRequiredService<TWork>());
        if (isSweep)
        {
            services.AddSingleton<RecurringWork>(provider => provider.GetRequiredService<TWork>());
        }
        return services;
    }
}
