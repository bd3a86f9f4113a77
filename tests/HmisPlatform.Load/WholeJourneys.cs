using System.Collections.Concurrent;
using System.Diagnostics;
using HdrHistogram;
using HmisPlatform.Journeys;
using HmisPlatform.Testing;

namespace HmisPlatform.Load;

/// <summary>
/// People taken from request to live credentials through the gateway, each step as the one it belongs to (the
/// end-to-end tests' journey driver): the agency's system submits, the HMIS team reviews, the LMS reports progress,
/// the trainee signs up, passes the assignment and signs, and the ATA confirms. A few at a time, as callers.
/// </summary>
public static class WholeJourneys
{
    public static async Task<Measurement> RunAsync(int people, int atOnce, Func<JourneyDriver> driver)
    {
        // The ATA signs in once (with their second factor) and confirms for everyone, as a person at a desk would.
        using var ata = await driver().SignInAtaAsync();
        // Names take letters only.
        var run = Submissions.Letters(Random.Shared.NextInt64(1L << 40))[6..];
        var next = -1;
        var latency = new LongConcurrentHistogram(1, 600_000_000, 3);
        var errors = new ConcurrentDictionary<string, long>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, atOnce).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) is var n && n < people)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await driver().WholeJourneyAsync("Journey", $"Walker{Submissions.Letters(n)[6..]}{run}", ata);
                    latency.RecordValue((long)Stopwatch.GetElapsedTime(started).TotalMicroseconds);
                }
                catch (Exception ex)
                {
                    errors.AddOrUpdate($"{ex.GetType().Name}: {string.Join(" ", ex.Message.Split('\n').Take(3).Select(l => l.Trim()))}", 1, (_, c) => c + 1);
                }
            }
        })));
        return new Measurement("whole journey, one person (latency: submit to live account)", atOnce, latency.TotalCount, clock.Elapsed, latency, errors);
    }
}
