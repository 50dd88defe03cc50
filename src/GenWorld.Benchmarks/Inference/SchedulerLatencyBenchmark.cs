using GenWorld.Inference.Scheduling;

namespace GenWorld.Benchmarks.Inference;

/// <summary>
/// Request latency through the scheduler at about 30 requests/s (a walking visitor's rate), steady and in bursts of 8,
/// against calling the generator directly on the same timetable.
/// </summary>
public sealed class SchedulerLatencyBenchmark : IBenchmark
{
    /// <inheritdoc/>
    public string Name => "inference-scheduler-latency";

    /// <inheritdoc/>
    public IEnumerable<BenchmarkResult> Run(BenchmarkOptions options)
    {
        int seconds = options.Quick ? 2 : 8;
        var results = new List<BenchmarkResult>();
        using (var warm = new InferenceScheduler(BenchModel.Create())) OpenLoopDriver.RunScheduler(warm, 20, 1, TimeSpan.Zero, seed: 0); // JIT

        // Steady: one request every 33 ms.
        using (OrtBatchGenerator direct = BenchModel.CreateWarm())
        {
            List<double> baseline = OpenLoopDriver.RunDirect(direct, 30 * seconds, 1, TimeSpan.FromMilliseconds(33.3), seed: 1);
            foreach (double waitMs in new[] { 2.0, 0.0 })
            {
                using var scheduler = new InferenceScheduler(BenchModel.CreateWarm(), new SchedulerOptions(MaxBatchWaitMs: waitMs));
                List<double> latencies = OpenLoopDriver.RunScheduler(scheduler, 30 * seconds, 1, TimeSpan.FromMilliseconds(33.3), seed: 1);
                results.AddRange(Rows($"30 req/s steady, batch wait {waitMs} ms", latencies, baseline, scheduler.Metrics()));
            }
        }

        // Bursty: 8 requests at once (a new area comes into earshot), 4 bursts/s ≈ 32 requests/s.
        using (OrtBatchGenerator direct = BenchModel.CreateWarm())
        {
            List<double> baseline = OpenLoopDriver.RunDirect(direct, 4 * seconds, 8, TimeSpan.FromMilliseconds(250), seed: 2);
            using var scheduler = new InferenceScheduler(BenchModel.CreateWarm());
            List<double> latencies = OpenLoopDriver.RunScheduler(scheduler, 4 * seconds, 8, TimeSpan.FromMilliseconds(250), seed: 2);
            results.AddRange(Rows("bursts of 8, 4/s", latencies, baseline, scheduler.Metrics()));
        }
        return results;
    }

    private IEnumerable<BenchmarkResult> Rows(string scenario, List<double> latencies, List<double> baseline, SchedulerMetrics metrics)
    {
        string note = $"{BenchModel.Description}; {latencies.Count} requests, mean batch {metrics.MeanBatchSize:F2}";
        yield return new(Name, $"{scenario} p50", BenchModel.Percentile(latencies, 0.50), "ms",
            BenchModel.Percentile(baseline, 0.50), "direct Generate, 1 latent/call", note);
        yield return new(Name, $"{scenario} p99", BenchModel.Percentile(latencies, 0.99), "ms",
            BenchModel.Percentile(baseline, 0.99), "direct Generate, 1 latent/call", note);
    }
}
