using GenWorld.Inference;
using GenWorld.Inference.Generation;
using GenWorld.Inference.Scheduling;

namespace GenWorld.Benchmarks.Inference;

/// <summary>
/// The scripted walk (emitters entering earshot, ~30 requests/s at 5× walking speed) against the real sound path: the
/// shipped notes-vae through <see cref="SoundGenerationService"/>, finished 48 kHz clips, with prefetch hints against none.
/// Targets: p99 request → samples ≤ 50 ms; ≥ 90 % of requests answered from the cache.
/// </summary>
public sealed class SoundWalkBenchmark : IBenchmark
{
    /// <inheritdoc/>
    public string Name => "inference-sound-walk";

    /// <inheritdoc/>
    public IEnumerable<BenchmarkResult> Run(BenchmarkOptions options)
    {
        string folder = ShippedModels.Folder("notes-vae");
        int ticks = options.Quick ? 300 : 1000;
        var wallPerTick = TimeSpan.FromMilliseconds(20);
        Walk(folder, prefetch: true, ticks: 20, wallPerTick); // JIT and ORT warm-up outside the measurement
        ScriptedWalk.Outcome with = Walk(folder, prefetch: true, ticks, wallPerTick);
        ScriptedWalk.Outcome without = Walk(folder, prefetch: false, ticks, wallPerTick);
        double seconds = ticks * wallPerTick.TotalSeconds;
        string note = $"notes-vae, 48 kHz finished clips; {with.Metrics.Requests} requests in {seconds:F0} s ({with.Metrics.Requests / seconds:F0}/s), "
            + $"{with.Metrics.HintsComputed} prefetched, mean batch {with.Metrics.MeanBatchSize:F1}";
        const string Baseline = "no prefetch";
        return
        [
            new(Name, "request → samples p50", BenchModel.Percentile(with.LatenciesMs, 0.50), "ms", BenchModel.Percentile(without.LatenciesMs, 0.50), Baseline, note),
            new(Name, "request → samples p99", BenchModel.Percentile(with.LatenciesMs, 0.99), "ms", BenchModel.Percentile(without.LatenciesMs, 0.99), Baseline, note),
            new(Name, "cache hits", 100 * with.Metrics.CacheHitRate, "%", 100 * without.Metrics.CacheHitRate, Baseline, note),
            new(Name, "hit or already in flight", 100.0 * (with.Metrics.CacheHits + with.Metrics.JoinedPending) / Math.Max(1, with.Metrics.Requests), "%",
                100.0 * (without.Metrics.CacheHits + without.Metrics.JoinedPending) / Math.Max(1, without.Metrics.Requests), Baseline, note),
        ];
    }

    private static ScriptedWalk.Outcome Walk(string folder, bool prefetch, int ticks, TimeSpan wallPerTick)
    {
        // Two ORT threads, as a game would give the generator; the rest of the machine renders and mixes.
        using var service = SoundGenerationService.Open(folder, settings: new OrtSessionSettings(DevicePreference.Cpu, IntraOpThreads: 2));
        var c4 = SoundConditioning.Pitch(60);
        return new ScriptedWalk(prefetch, service.LatentSize).Run(
            latent => service.GenerateSoundAsync(latent, c4, RequestPriority.High),
            latents => service.Hint(latents, c4),
            service.Metrics, ticks, wallPerTick);
    }
}
