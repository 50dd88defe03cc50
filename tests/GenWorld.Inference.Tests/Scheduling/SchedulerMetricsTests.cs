using GenWorld.Inference.Scheduling;

namespace GenWorld.Inference.Tests.Scheduling;

[Collection(OnnxRuntimeCollection.Name)]
public sealed class SchedulerMetricsTests
{
    [Fact]
    public async Task Metrics_add_up_after_a_mixed_run()
    {
        using var scheduler = new InferenceScheduler(TestModels.Linear("v1"));
        for (int i = 0; i < 30; i++) await scheduler.RequestAsync(TestModels.Latent(i % 20)); // 20 misses, then 10 hits
        await Task.WhenAll(Enumerable.Range(100, 16).Select(i => scheduler.RequestAsync(TestModels.Latent(i))));

        SchedulerMetrics m = scheduler.Metrics();
        Assert.Equal(46, m.Requests);
        Assert.Equal(10, m.CacheHits);
        Assert.Equal(36, m.RowsComputed);
        Assert.Equal(36, m.BatchSizeCounts.Select((count, size) => count * size).Sum());
        Assert.Equal(46, m.LatencySamples);
        Assert.InRange(m.LatencyP50Ms, 0, m.LatencyP99Ms);
        Assert.InRange(m.LatencyP99Ms, 0.001, 10_000); // something was measured; nothing hung
        Assert.Equal(0, m.QueueDepth);
        Assert.Equal(36, m.CacheEntries);
        Assert.InRange(m.CacheBytes, 36 * (3 * 4), 36 * 1024);
        Assert.Equal("v1", m.ModelVersion);
    }
}
