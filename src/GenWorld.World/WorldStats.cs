namespace GenWorld.World;

/// <summary>Live figures of a world, for a HUD and benchmarks (named fields: thirteen positional numbers were easy to swap).</summary>
public sealed record WorldStats
{
    /// <summary>Anchors in the field.</summary>
    public int Anchors { get; init; }

    /// <summary>Emitters tracked now.</summary>
    public int Emitters { get; init; }

    /// <summary>Emitters audible now.</summary>
    public int Audible { get; init; }

    /// <summary>Emitters whose sound is not ready yet.</summary>
    public int Pending { get; init; }

    /// <summary>Median wall time from an emitter's request to its sound being ready (cache hits included).</summary>
    public double LatencyP50Ms { get; init; }

    /// <summary>99th percentile of the same.</summary>
    public double LatencyP99Ms { get; init; }

    /// <summary>Share of sound requests the inference cache answered (prefetch hints fill it).</summary>
    public double CacheHitRate { get; init; }

    /// <summary>Bytes the sound cache holds now (bounded by the scheduler's budget).</summary>
    public long SoundCacheBytes { get; init; }

    /// <summary>Latents generated ahead of need from prefetch hints.</summary>
    public long HintsComputed { get; init; }

    /// <summary>Emitters that came into earshot after being tracked for at least one frame.</summary>
    public int EnteredEarshot { get; init; }

    /// <summary>Of those, how many had their sound ready at that frame.</summary>
    public int ReadyWhenInEarshot { get; init; }

    /// <summary>Emitters already in earshot when placed (start, teleport): never prefetchable, not in the share.</summary>
    public int SpawnedInEarshot { get; init; }

    /// <summary>
    /// Emitter sounds that were the user's original recordings (a field folder's anchors) rather than generated: how a
    /// render shows that a field of one's own sounds played them.
    /// </summary>
    public int OriginalsServed { get; init; }

    /// <summary>Wall time of the last Update call.</summary>
    public double LastUpdateMs { get; init; }

    /// <summary>Longest Update call so far.</summary>
    public double MaxUpdateMs { get; init; }

    /// <summary>Share of emitters that were ready before they became audible (1 before any entered earshot).</summary>
    public double ReadyBeforeAudibleShare => EnteredEarshot == 0 ? 1 : (double)ReadyWhenInEarshot / EnteredEarshot;
}
