using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HmisPlatform.BuildingBlocks.Hosting;

/// <summary>
/// Background work done in rounds: one at start, then one every <see cref="Interval"/> on the service's clock. A round
/// that fails is logged and the next one tries again; each round must be safe with several replicas running.
/// </summary>
public abstract partial class RecurringWork(TimeProvider time, ILogger logger) : BackgroundService
{
    /// <summary>The service's clock, which rounds and their rules read.</summary>
    protected TimeProvider Time { get; } = time;

    protected ILogger Logger { get; } = logger;

    protected abstract TimeSpan Interval { get; }

    /// <summary>Whether this replica does the work at all (for example only with a connector configured).</summary>
    protected virtual bool Enabled => true;

    /// <summary>One round of the work.</summary>
    protected abstract Task RunRoundAsync(CancellationToken cancellationToken);

    /// <summary>The work's name, as the test clock's sweep run lists it.</summary>
    public string Name => GetType().Name;

    /// <summary>One round now, besides the timer's (the test clock's sweep run): safe, as every round is safe on several replicas.</summary>
    public Task RunNowAsync(CancellationToken cancellationToken) => Enabled ? RunRoundAsync(cancellationToken) : Task.CompletedTask;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }
        using var timer = new PeriodicTimer(Interval, Time);
        do
        {
            try
            {
                await RunRoundAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(Logger, GetType().Name, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Work} failed; the next round tries again")]
    private static partial void LogFailed(ILogger logger, string work, Exception exception);
}
