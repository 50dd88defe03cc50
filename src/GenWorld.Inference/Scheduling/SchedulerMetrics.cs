namespace GenWorld.Inference.Scheduling;

/// <summary>A snapshot of the scheduler's live figures.</summary>
/// <param name="Requests">Requests accepted (cache hits included).</param>
/// <param name="CacheHits">Requests answered from the cache without computing.</param>
/// <param name="JoinedPending">Requests that found the same latent already queued or running (often a prefetch hint) and shared it.</param>
/// <param name="Cancelled">Requests cancelled before their result was delivered.</param>
/// <param name="Failed">Requests whose batch threw.</param>
/// <param name="RowsComputed">Latents run through a generator for requests.</param>
/// <param name="HintsComputed">Latents run through a generator for prefetch hints.</param>
/// <param name="QueueDepth">Requests waiting for a batch.</param>
/// <param name="HintQueueDepth">Hints waiting.</param>
/// <param name="LatencyP50Ms">Median request latency (request to result) over the recent window, in ms.</param>
/// <param name="LatencyP99Ms">99th-percentile request latency over the recent window, in ms.</param>
/// <param name="LatencySamples">Requests in the latency window.</param>
/// <param name="BatchSizeCounts">Index n: how many request batches held n latents.</param>
/// <param name="CacheEntries">Outputs in the cache.</param>
/// <param name="CacheBytes">Bytes the cache holds.</param>
/// <param name="ModelVersion">Version of the generator new requests go to.</param>
public sealed record SchedulerMetrics(
    long Requests, long CacheHits, long JoinedPending, long Cancelled, long Failed,
    long RowsComputed, long HintsComputed, int QueueDepth, int HintQueueDepth,
    double LatencyP50Ms, double LatencyP99Ms, int LatencySamples,
    IReadOnlyList<long> BatchSizeCounts, int CacheEntries, long CacheBytes, string ModelVersion)
{
    /// <summary>Cache hits per request (0 before any request).</summary>
    public double CacheHitRate => Requests == 0 ? 0 : (double)CacheHits / Requests;

    /// <summary>Request batches run.</summary>
    public long Batches => BatchSizeCounts.Sum();

    /// <summary>Mean latents per request batch (0 before any batch).</summary>
    public double MeanBatchSize => Batches == 0 ? 0 : (double)BatchSizeCounts.Select((count, size) => count * size).Sum() / Batches;
}
