using GenWorld.Inference.Scheduling;

namespace GenWorld.Inference.Tests.Scheduling;

[Collection(OnnxRuntimeCollection.Name)]
public sealed class SchedulerCacheTests
{
    [Fact]
    public async Task A_repeated_latent_is_a_hit_with_the_identical_output()
    {
        RecordingGenerator generator = TestModels.Recording("v1");
        using var scheduler = new InferenceScheduler(generator);
        float[] first = await scheduler.RequestAsync(TestModels.Latent(3));
        float[] second = await scheduler.RequestAsync(TestModels.Latent(3));
        // Within half a quantisation step (1e-4): the same cell, so the same entry.
        float[] nudged = [.. TestModels.Latent(3).Select(v => v + 3e-5f)];
        float[] third = await scheduler.RequestAsync(nudged);

        Assert.Equal(first, second);
        Assert.Equal(first, third);
        Assert.NotSame(first, second); // callers get copies; nobody can corrupt the cache
        Assert.Equal(1, generator.RowsGenerated);
        SchedulerMetrics metrics = scheduler.Metrics();
        Assert.Equal(3, metrics.Requests);
        Assert.Equal(2, metrics.CacheHits);
        Assert.Equal(2.0 / 3, metrics.CacheHitRate, 1e-9);
        Assert.Equal(1, metrics.CacheEntries);
    }

    [Fact]
    public async Task A_latent_a_step_away_is_a_different_entry()
    {
        RecordingGenerator generator = TestModels.Recording("v1");
        using var scheduler = new InferenceScheduler(generator, new SchedulerOptions(QuantizationStep: 1e-3f));
        float[] a = await scheduler.RequestAsync([0.5f, 0.25f, 0, 1]);
        float[] b = await scheduler.RequestAsync([0.502f, 0.25f, 0, 1]);

        Assert.NotEqual(a, b);
        Assert.Equal(2, generator.RowsGenerated);
        Assert.Equal(0, scheduler.Metrics().CacheHits);
    }

    [Fact]
    public void Cache_evicts_least_recently_used_within_its_byte_budget()
    {
        LatentKey Key(int i) => LatentKey.Quantise([i, 0, 0, 0], [], 1e-3f);
        long entryBytes = Key(0).Bytes + 64 + 100 * sizeof(float);
        var cache = new LatentCache(capacityBytes: 3 * entryBytes);
        for (int i = 0; i < 3; i++) cache.Put(Key(i), "v1", new float[100]);
        Assert.True(cache.TryGet(Key(0), "v1", out _)); // 0 is now the most recent; 1 the least

        cache.Put(Key(3), "v1", new float[100]);

        Assert.Equal(3, cache.Count);
        Assert.Equal(3 * entryBytes, cache.Bytes);
        Assert.False(cache.Contains(Key(1), "v1"));
        Assert.True(cache.Contains(Key(0), "v1"));
        Assert.False(cache.Contains(Key(0), "v2")); // the version is part of the key
        cache.Put(Key(9), "v1", new float[1000]); // larger than the whole budget: not cached, nothing evicted
        Assert.Equal(3, cache.Count);
    }

    [Fact]
    public async Task Zero_cache_bytes_disables_the_cache()
    {
        RecordingGenerator generator = TestModels.Recording("v1");
        using var scheduler = new InferenceScheduler(generator, new SchedulerOptions(CacheBytes: 0));
        await scheduler.RequestAsync(TestModels.Latent(1));
        await scheduler.RequestAsync(TestModels.Latent(1));
        Assert.Equal(2, generator.RowsGenerated);
        Assert.Equal(0, scheduler.Metrics().CacheHitRate);
    }
}
