using GenWorld.World;

namespace GenWorld.Host;

/// <summary>The one-line summary of a world's live figures that every host prints.</summary>
public static class HostText
{
    /// <summary>Anchors, sound latency, cache hits, readiness before audible, worst update time.</summary>
    public static string StatsLine(WorldStats s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return $"field: {s.Anchors} anchors; sound latency p50 {s.LatencyP50Ms:F0} ms, p99 {s.LatencyP99Ms:F0} ms; cache hits {100 * s.CacheHitRate:F0}%; " +
            $"ready before audible {100 * s.ReadyBeforeAudibleShare:F0}% of {s.EnteredEarshot}; update max {s.MaxUpdateMs:F1} ms" +
            (s.OriginalsServed > 0 ? $"; originals served {s.OriginalsServed}" : "");
    }
}
