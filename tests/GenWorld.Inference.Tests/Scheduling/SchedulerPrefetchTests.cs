using GenWorld.Inference.Scheduling;

namespace GenWorld.Inference.Tests.Scheduling;

[Collection(OnnxRuntimeCollection.Name)]
public sealed class SchedulerPrefetchTests
{
    [Fact]
    public async Task Hints_fill_the_cache_so_later_requests_hit()
    {
        RecordingGenerator generator = TestModels.Recording("v1");
        using var scheduler = new InferenceScheduler(generator, new SchedulerOptions(PrefetchBatchSize: 4));
        float[][] ahead = [.. Enumerable.Range(0, 10).Select(TestModels.Latent)];

        Assert.Equal(10, scheduler.Hint(ahead));
        Assert.Equal(0, scheduler.Hint(ahead.Take(3))); // already pending or cached
        await TestModels.EventuallyAsync(() => scheduler.Metrics().HintsComputed == 10, "10 hints computed");
        foreach (float[] latent in ahead) TestModels.AssertClose(TestModels.Expected(latent), await scheduler.RequestAsync(latent));

        SchedulerMetrics metrics = scheduler.Metrics();
        Assert.Equal(1.0, metrics.CacheHitRate);
        Assert.Equal(0, metrics.RowsComputed);
        Assert.Equal([4, 4, 2], generator.Batches.Select(b => b.Length));
        Assert.Equal(0, metrics.HintQueueDepth);
    }

    [Fact]
    public async Task Requests_run_before_queued_hints()
    {
        RecordingGenerator generator = TestModels.Recording("v1");
        using var scheduler = new InferenceScheduler(generator, new SchedulerOptions(PrefetchBatchSize: 2));
        generator.Hold();
        Task<float[]> busy = scheduler.RequestAsync(TestModels.Latent(0));
        await generator.EnteredAsync();
        scheduler.Hint(Enumerable.Range(100, 6).Select(TestModels.Latent));
        Task<float[]> real = scheduler.RequestAsync(TestModels.Latent(1), priority: RequestPriority.Low);
        generator.Release();
        await Task.WhenAll(busy, real);
        await TestModels.EventuallyAsync(() => scheduler.Metrics().HintsComputed == 6, "6 hints computed");

        IReadOnlyList<float[][]> batches = generator.Batches;
        Assert.Equal([1, 1, 2, 2, 2], batches.Select(b => b.Length));
        Assert.Equal(TestModels.Latent(1), Assert.Single(batches[1]));
    }

    [Fact]
    public async Task Requesting_a_queued_hint_promotes_it_and_computes_it_once()
    {
        RecordingGenerator generator = TestModels.Recording("v1");
        using var scheduler = new InferenceScheduler(generator);
        generator.Hold();
        Task<float[]> busy = scheduler.RequestAsync(TestModels.Latent(0));
        await generator.EnteredAsync();
        scheduler.Hint(Enumerable.Range(50, 20).Select(TestModels.Latent));
        Task<float[]> promoted = scheduler.RequestAsync(TestModels.Latent(69)); // the last hint queued
        generator.Release();
        TestModels.AssertClose(TestModels.Expected(TestModels.Latent(69)), await promoted);
        await busy;
        await TestModels.EventuallyAsync(() => scheduler.Metrics().HintsComputed == 19, "other hints computed");

        Assert.Equal(TestModels.Latent(69), Assert.Single(generator.Batches[1]));
        Assert.Equal(21, generator.RowsGenerated);
        Assert.Equal(1, scheduler.Metrics().JoinedPending);
    }

    [Fact]
    public async Task Beyond_the_hint_limit_the_oldest_hints_are_dropped()
    {
        RecordingGenerator generator = TestModels.Recording("v1");
        using var scheduler = new InferenceScheduler(generator, new SchedulerOptions(MaxPendingHints: 5));
        generator.Hold();
        Task<float[]> busy = scheduler.RequestAsync(TestModels.Latent(0));
        await generator.EnteredAsync();
        scheduler.Hint(Enumerable.Range(10, 8).Select(TestModels.Latent));
        Assert.Equal(5, scheduler.Metrics().HintQueueDepth);
        generator.Release();
        await busy;
        await TestModels.EventuallyAsync(() => scheduler.Metrics().HintsComputed == 5, "5 hints computed");

        float[][] hinted = [.. generator.Batches.Skip(1).SelectMany(b => b)];
        Assert.Equal(Enumerable.Range(13, 5).Select(TestModels.Latent), hinted);
    }
}
