using System.Diagnostics;
using GenWorld.Core.Numerics;
using GenWorld.Inference;
using GenWorld.Inference.Generation;
using GenWorld.Inference.Scheduling;

namespace GenWorld.Benchmarks.Inference;

/// <summary>
/// The real sound path (shipped notes-vae through <see cref="SoundGenerationService"/>, finished 48 kHz clips) under load:
/// 30 uncached requests/s on a steady timetable, and a scripted walk (2.5 m emitter cells, 5× walking speed, ~30 new
/// emitters/s) with prefetch hints against none. Targets: p99 request → samples ≤ 50 ms at 30 requests/s; ≥ 90 % hits on the walk.
/// </summary>
public sealed class SoundWalkBenchmark : IBenchmark
{
    private const float CellSize = 2.5f;

    /// <inheritdoc/>
    public string Name => "inference-sound-walk";

    /// <inheritdoc/>
    public IEnumerable<BenchmarkResult> Run(BenchmarkOptions options)
    {
        string folder = ShippedModels.Folder("notes-vae");
        int ticks = options.Quick ? 300 : 900;
        var wallPerTick = TimeSpan.FromMilliseconds(20);
        var results = new List<BenchmarkResult>();

        using (SoundGenerationService service = Open(folder))
        {
            Steady(service, requests: 5, firstSeed: -100); // JIT of the finishing path
            List<double> steady = Steady(service, requests: options.Quick ? 90 : 300, firstSeed: 0);
            string note = $"{steady.Count} distinct latents, 1 every 33 ms, nothing cached; 2 ORT threads";
            results.Add(new(Name, "30 req/s uncached, request → samples p50", BenchModel.Percentile(steady, 0.50), "ms", Note: note));
            results.Add(new(Name, "30 req/s uncached, request → samples p99", BenchModel.Percentile(steady, 0.99), "ms", Note: note));
        }

        Walk(folder, prefetch: true, ticks: 20, wallPerTick); // JIT outside the measurement
        ScriptedWalk.Outcome with = Walk(folder, prefetch: true, ticks, wallPerTick);
        ScriptedWalk.Outcome without = Walk(folder, prefetch: false, ticks, wallPerTick);
        double seconds = ticks * wallPerTick.TotalSeconds;
        string walkNote = $"{with.Metrics.Requests} emitters heard in {seconds:F0} s ({with.Metrics.Requests / seconds:F0}/s), "
            + $"{with.Metrics.HintsComputed} prefetched, start area prefetched while loading, mean batch {with.Metrics.MeanBatchSize:F1}";
        const string Baseline = "no prefetch";
        results.Add(new(Name, "walk: request → samples p50", BenchModel.Percentile(with.LatenciesMs, 0.50), "ms", BenchModel.Percentile(without.LatenciesMs, 0.50), Baseline, walkNote));
        results.Add(new(Name, "walk: request → samples p99", BenchModel.Percentile(with.LatenciesMs, 0.99), "ms", BenchModel.Percentile(without.LatenciesMs, 0.99), Baseline, walkNote));
        results.Add(new(Name, "walk: cache hits", 100 * with.Metrics.CacheHitRate, "%", 100 * without.Metrics.CacheHitRate, Baseline, walkNote));
        results.Add(new(Name, "walk: hit or already in flight", 100.0 * (with.Metrics.CacheHits + with.Metrics.JoinedPending) / Math.Max(1, with.Metrics.Requests), "%",
            100.0 * (without.Metrics.CacheHits + without.Metrics.JoinedPending) / Math.Max(1, without.Metrics.Requests), Baseline, walkNote));
        return results;
    }

    // Two ORT threads, as a game would give the generator; the rest of the machine renders and mixes.
    private static SoundGenerationService Open(string folder) =>
        SoundGenerationService.Open(folder, settings: new OrtSessionSettings(DevicePreference.Cpu, IntraOpThreads: 2));

    private static List<double> Steady(SoundGenerationService service, int requests, int firstSeed)
    {
        var c4 = SoundConditioning.Pitch(60);
        var latencies = new List<double>();
        using var done = new CountdownEvent(requests);
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < requests; i++)
        {
            TimeSpan wait = TimeSpan.FromMilliseconds(33.3 * i) - Stopwatch.GetElapsedTime(start);
            if (wait > TimeSpan.Zero) Thread.Sleep(wait);
            long sent = Stopwatch.GetTimestamp();
            service.GenerateSoundAsync(SeededLatent.StandardNormal(firstSeed + i, service.LatentSize), c4).ContinueWith(t =>
            {
                if (t.IsCompletedSuccessfully) lock (latencies) latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                done.Signal();
            }, TaskScheduler.Default);
        }
        if (!done.Wait(TimeSpan.FromMinutes(2))) throw new TimeoutException("steady requests did not complete");
        return latencies;
    }

    private static ScriptedWalk.Outcome Walk(string folder, bool prefetch, int ticks, TimeSpan wallPerTick)
    {
        using SoundGenerationService service = Open(folder);
        var c4 = SoundConditioning.Pitch(60);
        var walk = new ScriptedWalk(prefetch, service.LatentSize, CellSize);
        if (prefetch)
        {
            int queued = service.Hint(walk.StartLatents(), c4);
            var loading = Stopwatch.StartNew();
            while (service.Metrics().HintsComputed < queued && loading.Elapsed < TimeSpan.FromSeconds(30)) Thread.Sleep(5);
        }
        return walk.Run(latent => service.GenerateSoundAsync(latent, c4, RequestPriority.High), latents => service.Hint(latents, c4),
            service.Metrics, ticks, wallPerTick);
    }
}
