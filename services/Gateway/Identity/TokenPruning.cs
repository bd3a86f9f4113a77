using HmisPlatform.BuildingBlocks.Hosting;
using OpenIddict.Abstractions;

namespace HmisPlatform.Gateway.Identity;

/// <summary>
/// Removes token entries a day after they expired or were revoked, so the table the gateway reads on every call
/// stays small. Several gateways may prune at once: each deletes what is there to delete.
/// </summary>
public sealed partial class TokenPruning(IServiceScopeFactory scopes, TimeProvider time, ILogger<TokenPruning> logger) : RecurringWork(time, logger)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromDays(1);

    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var removed = await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(Time.GetUtcNow() - KeepFor, cancellationToken);
        LogPruned(Logger, removed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Count} token entries")]
    private static partial void LogPruned(ILogger logger, long count);
}
