using HmisPlatform.BuildingBlocks.Hosting;
using HmisPlatform.Requests.Domain.AccessRequests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HmisPlatform.Requests.Infrastructure;

/// <summary>How often the people-per-stage gauge is counted (configuration <c>Journeys:CensusInterval</c>).</summary>
public sealed class JourneyCensusOptions
{
    public TimeSpan CensusInterval { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Counts people per stage and request type for the gauge; a read, so every replica may do it.</summary>
public sealed class JourneyCensus(IServiceScopeFactory scopes, JourneyMetrics metrics, IOptions<JourneyCensusOptions> options, TimeProvider time,
    ILogger<JourneyCensus> logger) : RecurringWork(time, logger)
{
    public async Task CountAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RequestsDbContext>();
        var counts = await db.Journeys.AsNoTracking()
            .GroupBy(j => new { j.CurrentStage, j.RequestType })
            .Select(g => new { g.Key.CurrentStage, g.Key.RequestType, People = g.Count() })
            .ToListAsync(cancellationToken);
        metrics.Census([.. counts.Select(c => (c.CurrentStage, c.RequestType, c.People))]);
    }

    protected override TimeSpan Interval => options.Value.CensusInterval;

    protected override Task RunRoundAsync(CancellationToken cancellationToken) => CountAsync(cancellationToken);
}
