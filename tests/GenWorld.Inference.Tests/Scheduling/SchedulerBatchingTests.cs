using GenWorld.Inference.Scheduling;

namespace GenWorld.Inference.Tests.Scheduling;

[Collection(OnnxRuntimeCollection.Name)]
public sealed class SchedulerBatchingTests
{
    [Fact]
    public async Task Results_are_the_models_numbers()
    {
        using var scheduler = new InferenceScheduler(TestModels.Linear("v1"));
        for (int i = 0; i < 5; i++)
            TestModels.AssertClose(TestModels.Expected(TestModels.Latent(i)), await scheduler.RequestAsync(TestModels.Latent(i)));
    }

    [Fact]
    public async Task Requests_that_wait_while_the_worker_is_busy_run_as_one_batch()
    {
        RecordingGenerator generator = TestModels.Recording("v1");
        using var scheduler = new InferenceScheduler(generator, new SchedulerOptions(MaxBatchSize: 32));
        generator.Hold();
        Task<float[]> first = scheduler.RequestAsync(TestModels.Latent(0));
        await generator.EnteredAsync();

        Task<float[]>[] waiting = [.. Enumerable.Range(1, 20).Select(i => scheduler.RequestAsync(TestModels.Latent(i)))];
        Assert.Equal(20, scheduler.Metrics().QueueDepth);
        generator.Release();
        float[][] results = await Task.WhenAll(waiting);

        TestModels.AssertClose(TestModels.Expected(TestModels.Latent(0)), await first);
        for (int i = 0; i < 20; i++) TestModels.AssertClose(TestModels.Expected(TestModels.Latent(i + 1)), results[i]);
        Assert.Equal([1, 20], generator.Batches.Select(b => b.Length));
        SchedulerMetrics metrics = scheduler.Metrics();
        Assert.Equal(1, metrics.BatchSizeCounts[1]);
        Assert.Equal(1, metrics.BatchSizeCounts[20]);
        Assert.Equal(10.5, metrics.MeanBatchSize);
        Assert.Equal(0, metrics.QueueDepth);
    }

    [Fact]
    public async Task A_long_queue_is_split_at_the_batch_limit()
    {
        RecordingGenerator generator = TestModels.Recording("v1");
        using var scheduler = new InferenceScheduler(generator, new SchedulerOptions(MaxBatchSize: 8));
        generator.Hold();
        Task<float[]> first = scheduler.RequestAsync(TestModels.Latent(0));
        await generator.EnteredAsync();
        Task<float[]>[] waiting = [.. Enumerable.Range(1, 20).Select(i => scheduler.RequestAsync(TestModels.Latent(i)))];
        generator.Release();
        await Task.WhenAll(waiting.Append(first));

        Assert.Equal([1, 8, 8, 4], generator.Batches.Select(b => b.Length));
    }

    [Fact]
    public async Task More_urgent_requests_run_first_and_a_repeat_at_higher_priority_moves_up()
    {
        RecordingGenerator generator = TestModels.Recording("v1");
        using var scheduler = new InferenceScheduler(generator, new SchedulerOptions(MaxBatchSize: 1));
        generator.Hold();
        Task<float[]> busy = scheduler.RequestAsync(TestModels.Latent(0));
        await generator.EnteredAsync();
        Task<float[]> low = scheduler.RequestAsync(TestModels.Latent(1), priority: RequestPriority.Low);
        Task<float[]> normal = scheduler.RequestAsync(TestModels.Latent(2), priority: RequestPriority.Normal);
        Task<float[]> high = scheduler.RequestAsync(TestModels.Latent(3), priority: RequestPriority.High);
        Task<float[]> lowAgainButHigh = scheduler.RequestAsync(TestModels.Latent(1), priority: RequestPriority.High);
        generator.Release();
        await Task.WhenAll(busy, low, normal, high, lowAgainButHigh);

        Assert.Equal([0, 1, 2], generator.Batches.Skip(1).Select(b => Array.FindIndex([TestModels.Latent(3), TestModels.Latent(1), TestModels.Latent(2)], l => l.SequenceEqual(b[0]))));
        Assert.Equal(4, generator.RowsGenerated); // latent 1 once, shared by both of its requests
        Assert.Equal(await low, await lowAgainButHigh);
    }

    [Fact]
    public async Task Concurrent_callers_get_batched()
    {
        RecordingGenerator generator = TestModels.Recording("v1");
        using var scheduler = new InferenceScheduler(generator, new SchedulerOptions(MaxBatchWaitMs: 5));
        int failures = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(async () =>
        {
            for (int i = 0; i < 40; i++)
            {
                float[] latent = TestModels.Latent(t * 40 + i);
                float[] y = await scheduler.RequestAsync(latent);
                if (MathF.Abs(y[0] - TestModels.Expected(latent)[0]) > 1e-4f) Interlocked.Increment(ref failures);
            }
        })));

        SchedulerMetrics metrics = scheduler.Metrics();
        Assert.Equal(0, failures);
        Assert.Equal(320, metrics.RowsComputed);
        Assert.Equal(320, generator.RowsGenerated);
        Assert.True(generator.Batches.Max(b => b.Length) > 1, "no batch ever held more than one request");
        Assert.True(metrics.MeanBatchSize > 1.5, $"mean batch size {metrics.MeanBatchSize:F2} with 8 concurrent callers");
        Assert.True(metrics.Batches < 320);
    }
}
