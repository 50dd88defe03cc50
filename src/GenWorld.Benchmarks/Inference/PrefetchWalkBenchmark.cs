namespace GenWorld.Benchmarks.Inference;

/// <summary>Cache hit rate and content latency for emitters coming into earshot on a scripted walk, with prefetch hints vs without.</summary>
public sealed class PrefetchWalkBenchmark : IBenchmark
{
    /// <inheritdoc/>
    public string Name => "inference-prefetch-walk";

    /// <inheritdoc/>
    public IEnumerable<BenchmarkResult> Run(BenchmarkOptions options)
    {
        // 0.1 s of walking per 20 ms of wall time (5x real time); the full run walks the whole loop (~260 m) and revisits.
        int ticks = options.Quick ? 300 : 1900;
        var wallPerTick = TimeSpan.FromMilliseconds(20);
        Walk(prefetch: true, ticks: 30, wallPerTick); // JIT the whole path once, so neither measured walk pays for it
        ScriptedWalk.Outcome with = Walk(prefetch: true, ticks, wallPerTick);
        ScriptedWalk.Outcome without = Walk(prefetch: false, ticks, wallPerTick);
        string note = $"{BenchModel.Description}; {with.Metrics.Requests} emitters entered earshot, 4 m cells, 10 m earshot, 8 m look-ahead, 5x real time";
        const string Baseline = "no prefetch";
        return
        [
            new(Name, "hit rate (cached when heard)", 100 * with.Metrics.CacheHitRate, "%", 100 * without.Metrics.CacheHitRate, Baseline, note),
            new(Name, "hit or already in flight", 100.0 * (with.Metrics.CacheHits + with.Metrics.JoinedPending) / Math.Max(1, with.Metrics.Requests), "%",
                100.0 * (without.Metrics.CacheHits + without.Metrics.JoinedPending) / Math.Max(1, without.Metrics.Requests), Baseline, note),
            new(Name, "content latency p50", BenchModel.Percentile(with.LatenciesMs, 0.50), "ms", BenchModel.Percentile(without.LatenciesMs, 0.50), Baseline, note),
            new(Name, "content latency p99", BenchModel.Percentile(with.LatenciesMs, 0.99), "ms", BenchModel.Percentile(without.LatenciesMs, 0.99), Baseline, note),
            new(Name, "latents computed", with.Metrics.RowsComputed + with.Metrics.HintsComputed, "rows",
                without.Metrics.RowsComputed + without.Metrics.HintsComputed, Baseline, "prefetch computes some emitters the visitor never reaches"),
        ];
    }

    private static ScriptedWalk.Outcome Walk(bool prefetch, int ticks, TimeSpan wallPerTick)
    {
        using var scheduler = new GenWorld.Inference.Scheduling.InferenceScheduler(BenchModel.CreateWarm());
        return new ScriptedWalk(prefetch).Run(scheduler, ticks, wallPerTick);
    }
}
