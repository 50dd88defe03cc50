using GenWorld.Inference.Scheduling;

namespace GenWorld.Inference.Tests.Scheduling;

/// <summary>More than one worker: requests run side by side, and prefetch hints keep to the first worker.</summary>
[Collection(OnnxRuntimeCollection.Name)]
public sealed class SchedulerWorkersTests
{
    [Fact]
    public async Task Two_workers_run_two_requests_at_once()
    {
        RecordingGenerator generator = TestModels.Recording("v1");
        using var scheduler = new InferenceScheduler(generator, new SchedulerOptions(MaxBatchSize: 1, MaxBatchWaitMs: 0, Workers: 2));
        generator.Hold();
        Task<float[]> first = scheduler.RequestAsync(TestModels.Latent(1));
        await generator.EnteredAsync();
        Task<float[]> second = scheduler.RequestAsync(TestModels.Latent(2));
        await generator.EnteredAsync(); // entered while the first is still held: the second worker took it
        Assert.Equal(2, generator.Batches.Count);
        generator.Release();
        TestModels.AssertClose(TestModels.Expected(TestModels.Latent(1)), await first);
        TestModels.AssertClose(TestModels.Expected(TestModels.Latent(2)), await second);
    }

    [Fact]
    public async Task Hints_run_on_the_first_worker_only_and_a_request_is_served_beside_them()
    {
        RecordingGenerator generator = TestModels.Recording("v1");
        using var scheduler = new InferenceScheduler(generator, new SchedulerOptions(MaxBatchSize: 1, MaxBatchWaitMs: 0, PrefetchBatchSize: 1, Workers: 2));
        generator.Hold();
        Assert.Equal(4, scheduler.Hint(Enumerable.Range(10, 4).Select(TestModels.Latent)));
        await generator.EnteredAsync(); // the first worker holds one hint
        Task<float[]> request = scheduler.RequestAsync(TestModels.Latent(1));
        await generator.EnteredAsync(); // the second worker serves the request
        Assert.Equal(2, generator.Batches.Count);
        Assert.Equal(TestModels.Latent(1), generator.Batches[1][0]);
        generator.Release();
        TestModels.AssertClose(TestModels.Expected(TestModels.Latent(1)), await request);
        await TestModels.EventuallyAsync(() => scheduler.Metrics().HintsComputed == 4, "4 hints computed");
    }

    [Fact]
    public async Task With_the_first_worker_busy_the_second_leaves_hints_alone()
    {
        RecordingGenerator generator = TestModels.Recording("v1");
        using var scheduler = new InferenceScheduler(generator, new SchedulerOptions(MaxBatchSize: 1, MaxBatchWaitMs: 0, PrefetchBatchSize: 1, Workers: 2));
        generator.Hold();
        scheduler.Hint([TestModels.Latent(10)]);
        await generator.EnteredAsync(); // the first worker (the only one that takes hints) holds it
        scheduler.Hint([TestModels.Latent(11), TestModels.Latent(12)]);
        await Task.Delay(300); // the idle second worker has had every chance to take one
        Assert.Single(generator.Batches);
        generator.Release();
        await TestModels.EventuallyAsync(() => scheduler.Metrics().HintsComputed == 3, "3 hints computed");
    }

    [Fact]
    public void Zero_workers_is_refused_with_the_field_named() =>
        Assert.Contains("Workers", Assert.Throws<ArgumentException>(() => new SchedulerOptions(Workers: 0).Validate()).Message);
}
