using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using HdrHistogram;

namespace HmisPlatform.Load;

/// <summary>One scenario's figures: calls that succeeded per second and their latency, plus the calls that failed by status.</summary>
public sealed record Measurement(string Scenario, int Callers, long Calls, TimeSpan Elapsed, HistogramBase Latency, IReadOnlyDictionary<string, long> Errors)
{
    public double Rate => Calls / Elapsed.TotalSeconds;

    public long ErrorCount => Errors.Values.Sum();

    /// <summary>A latency percentile in milliseconds (recorded in microseconds).</summary>
    public double Milliseconds(double percentile) => Latency.TotalCount == 0 ? double.NaN : Latency.GetValueAtPercentile(percentile) / 1000.0;

    public double MaxMilliseconds => Latency.TotalCount == 0 ? double.NaN : Latency.GetMaxValue() / 1000.0;
}

/// <summary>
/// A closed loop: each caller makes its next call when its last one answered, for a warm-up that is not counted and
/// then for the measured time. Latency goes into an HdrHistogram per caller (microseconds, 3 significant digits).
/// </summary>
public static class ClosedLoop
{
    private const long HighestMicroseconds = 60_000_000;

    public static async Task<Measurement> RunAsync(string scenario, int callers, TimeSpan warmUp, TimeSpan measured, Func<CancellationToken, Task> call)
    {
        await LoopAsync(callers, warmUp, call, record: null, errors: null);
        var histograms = Enumerable.Range(0, callers).Select(_ => (HistogramBase)new LongHistogram(HighestMicroseconds, 3)).ToArray();
        var errors = new ConcurrentDictionary<string, long>();
        var clock = Stopwatch.StartNew();
        await LoopAsync(callers, measured, call, histograms, errors);
        var elapsed = clock.Elapsed;
        var all = new LongHistogram(HighestMicroseconds, 3);
        foreach (var histogram in histograms)
        {
            all.Add(histogram);
        }
        return new Measurement(scenario, callers, all.TotalCount, elapsed, all, errors);
    }

    private static async Task LoopAsync(int callers, TimeSpan duration, Func<CancellationToken, Task> call, HistogramBase[]? record, ConcurrentDictionary<string, long>? errors)
    {
        using var stop = new CancellationTokenSource(duration);
        await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await call(CancellationToken.None);
                    record?[caller].RecordValue((long)Stopwatch.GetElapsedTime(started).TotalMicroseconds);
                }
                catch (Exception ex) when (errors is not null)
                {
                    errors.AddOrUpdate(Describe(ex), 1, (_, n) => n + 1);
                }
                catch (Exception)
                {
                    // A failure while warming up is not counted.
                }
            }
        })));
    }

    private static string Describe(Exception ex) => ex switch
    {
        RpcException rpc => $"{rpc.StatusCode} {rpc.Status.Detail}",
        _ => ex.GetType().Name,
    };
}
