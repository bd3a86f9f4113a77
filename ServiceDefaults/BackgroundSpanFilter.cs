using System.Diagnostics;
using OpenTelemetry;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Keeps a database or Redis call that belongs to no request or event out of the exported traces. Such calls are
/// background polling and probes (the outbox relay and the consumers look several times a second per service), and
/// they would bury the traces people look for. Every call made for real work has a parent span and is kept;
/// a span whose in-process parent is not recorded (a filtered health probe) is dropped with it.
/// </summary>
internal sealed class BackgroundSpanFilter : BaseProcessor<Activity>
{
    public override void OnEnd(Activity data)
    {
        // A span under an unrecorded one (a health probe's request) would be exported as an orphan trace.
        if ((data.ParentSpanId == default && IsDataStore(data.Source.Name)) || data.Parent is { Recorded: false })
        {
            data.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        }
    }

    // Npgsql's own source, and the StackExchange.Redis instrumentation that Aspire's Redis client carries.
    private static bool IsDataStore(string source) =>
        source.StartsWith("Npgsql", StringComparison.Ordinal) || source.Contains("StackExchangeRedis", StringComparison.Ordinal);
}
