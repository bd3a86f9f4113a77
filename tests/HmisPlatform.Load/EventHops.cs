using System.Globalization;
using System.Text.RegularExpressions;

namespace HmisPlatform.Load;

/// <summary>
/// The event hop as the platform measures it: each consumer records, for every event it applies, the time from the
/// event's commit to the end of the consumer's transaction (<c>hmis.events.hop_duration</c>, seconds). Read from
/// every service's Prometheus endpoint: two readings make the histogram of what happened between them.
/// </summary>
public static partial class EventHops
{
    /// <summary>Cumulative counts by upper bound (seconds), summed over every event type and consumer.</summary>
    public sealed record Reading(IReadOnlyDictionary<double, double> Buckets)
    {
        public double Count => Buckets.Count == 0 ? 0 : Buckets[double.PositiveInfinity];

        public Reading Since(Reading earlier) => new(Buckets.ToDictionary(b => b.Key, b => b.Value - earlier.Buckets.GetValueOrDefault(b.Key)));

        /// <summary>
        /// The value below which the share <paramref name="quantile"/> of hops fell, in milliseconds: the bucket it falls in,
        /// interpolated linearly inside it (as Prometheus' histogram_quantile does).
        /// </summary>
        public double Milliseconds(double quantile)
        {
            if (Count <= 0)
            {
                return double.NaN;
            }
            var rank = quantile * Count;
            var (lower, below) = (0.0, 0.0);
            foreach (var (bound, cumulative) in Buckets.OrderBy(b => b.Key))
            {
                if (cumulative >= rank)
                {
                    if (double.IsPositiveInfinity(bound))
                    {
                        return lower * 1000;
                    }
                    var inside = cumulative - below;
                    return 1000 * (inside <= 0 ? bound : lower + (bound - lower) * (rank - below) / inside);
                }
                (lower, below) = (bound, cumulative);
            }
            return double.NaN;
        }
    }

    public static async Task<Reading> ReadAsync(IEnumerable<HttpClient> services)
    {
        var buckets = new Dictionary<double, double>();
        foreach (var service in services)
        {
            foreach (var (bound, count) in Parse(await service.GetStringAsync("/metrics")))
            {
                buckets[bound] = buckets.GetValueOrDefault(bound) + count;
            }
        }
        return new Reading(buckets);
    }

    /// <summary>The hop histogram's bucket lines of one scrape in Prometheus' text format.</summary>
    public static IEnumerable<(double Bound, double Count)> Parse(string exposition) =>
        BucketLine().Matches(exposition).Select(m => (
            m.Groups["le"].Value == "+Inf" ? double.PositiveInfinity : double.Parse(m.Groups["le"].Value, CultureInfo.InvariantCulture),
            double.Parse(m.Groups["count"].Value, CultureInfo.InvariantCulture)));

    [GeneratedRegex("""^hmis_events_hop_duration_seconds_bucket\{[^}]*le="(?<le>[^"]+)"[^}]*\} (?<count>\S+)""", RegexOptions.Multiline)]
    private static partial Regex BucketLine();
}
