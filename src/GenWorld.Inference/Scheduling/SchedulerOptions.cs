namespace GenWorld.Inference.Scheduling;

/// <summary>How the <see cref="InferenceScheduler"/> batches, caches and prefetches.</summary>
/// <param name="MaxBatchSize">Most requests run in one generator call.</param>
/// <param name="MaxBatchWaitMs">Longest the oldest waiting request is held back so that more can join its batch (0: never wait).</param>
/// <param name="BatchQuietMs">Stop waiting for a batch to fill once no new request has arrived for this long (a burst has ended).</param>
/// <param name="PrefetchBatchSize">Hints per generator call; small, so a request arriving mid-prefetch waits for little.</param>
/// <param name="MaxPendingHints">Hints kept waiting; beyond this the oldest of the lowest priority are dropped.</param>
/// <param name="CacheBytes">Budget for cached outputs (keys and outputs counted); 0 disables the cache.</param>
/// <param name="QuantizationStep">Latent values are rounded to multiples of this before keying and generating.</param>
/// <param name="LatencySamples">How many recent request latencies the percentiles are computed over.</param>
/// <param name="Workers">Threads running generator calls. Requests go to any; hints run on the first only, so prefetching
/// never holds more than one core while the host needs the rest.</param>
public sealed record SchedulerOptions(
    int MaxBatchSize = 32,
    double MaxBatchWaitMs = 2,
    double BatchQuietMs = 0.25,
    int PrefetchBatchSize = 4,
    int MaxPendingHints = 4096,
    long CacheBytes = 64L << 20,
    float QuantizationStep = 1e-4f,
    int LatencySamples = 4096,
    int Workers = 1)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first field that is out of range.</summary>
    public void Validate()
    {
        static void Require(bool ok, string field, object value, string rule)
        {
            if (!ok) throw new ArgumentException($"{field} = {value} {rule}", field);
        }
        Require(MaxBatchSize >= 1, nameof(MaxBatchSize), MaxBatchSize, "must be at least 1");
        Require(double.IsFinite(MaxBatchWaitMs) && MaxBatchWaitMs is >= 0 and <= 1000, nameof(MaxBatchWaitMs), MaxBatchWaitMs, "must be between 0 and 1000 ms");
        Require(double.IsFinite(BatchQuietMs) && BatchQuietMs >= 0, nameof(BatchQuietMs), BatchQuietMs, "must be 0 or more ms");
        Require(PrefetchBatchSize >= 1, nameof(PrefetchBatchSize), PrefetchBatchSize, "must be at least 1");
        Require(MaxPendingHints >= 0, nameof(MaxPendingHints), MaxPendingHints, "must be 0 or more");
        Require(CacheBytes >= 0, nameof(CacheBytes), CacheBytes, "must be 0 or more");
        Require(float.IsFinite(QuantizationStep) && QuantizationStep > 0, nameof(QuantizationStep), QuantizationStep, "must be a positive number");
        Require(LatencySamples >= 1, nameof(LatencySamples), LatencySamples, "must be at least 1");
        Require(Workers is >= 1 and <= 64, nameof(Workers), Workers, "must be 1..64");
    }
}
