namespace GenWorld.World;

/// <summary>Live figures of a world, for a HUD and benchmarks.</summary>
/// <param name="Anchors">Anchors in the field.</param>
/// <param name="Emitters">Emitters tracked now.</param>
/// <param name="Audible">Emitters audible now.</param>
/// <param name="Pending">Emitters whose sound is not ready yet.</param>
/// <param name="LatencyP50Ms">Median wall time from an emitter's request to its sound being ready (cache hits included).</param>
/// <param name="LatencyP99Ms">99th percentile of the same.</param>
/// <param name="CacheHitRate">Share of sound requests the inference cache answered (prefetch hints fill it).</param>
/// <param name="HintsComputed">Latents generated ahead of need from prefetch hints.</param>
/// <param name="EnteredEarshot">Emitters that came into earshot after being tracked for at least one frame.</param>
/// <param name="ReadyWhenInEarshot">Of those, how many had their sound ready at that frame.</param>
/// <param name="SpawnedInEarshot">Emitters already in earshot when placed (start, teleport): never prefetchable, not in the share.</param>
/// <param name="LastUpdateMs">Wall time of the last Update call.</param>
/// <param name="MaxUpdateMs">Longest Update call so far.</param>
public sealed record WorldStats(
    int Anchors, int Emitters, int Audible, int Pending, double LatencyP50Ms, double LatencyP99Ms, double CacheHitRate,
    long HintsComputed, int EnteredEarshot, int ReadyWhenInEarshot, int SpawnedInEarshot, double LastUpdateMs, double MaxUpdateMs)
{
    /// <summary>Share of emitters that were ready before they became audible (1 before any entered earshot).</summary>
    public double ReadyBeforeAudibleShare => EnteredEarshot == 0 ? 1 : (double)ReadyWhenInEarshot / EnteredEarshot;
}
