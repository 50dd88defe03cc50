using GenWorld.Inference.Scheduling;

namespace GenWorld.Inference.Tests.Scheduling;

[Collection(OnnxRuntimeCollection.Name)]
public sealed class SchedulerCancellationTests
{
    [Fact]
    public async Task A_cancelled_queued_request_is_never_computed()
    {
        RecordingGenerator generator = TestModels.Recording("v1");
        using var scheduler = new InferenceScheduler(generator);
        generator.Hold();
        Task<float[]> busy = scheduler.RequestAsync(TestModels.Latent(0));
        await generator.EnteredAsync();

        using var cts = new CancellationTokenSource();
        Task<float[]>[] unwanted = [.. Enumerable.Range(1, 5).Select(i => scheduler.RequestAsync(TestModels.Latent(i), cancellationToken: cts.Token))];
        Task<float[]> wanted = scheduler.RequestAsync(TestModels.Latent(6));
        await cts.CancelAsync();
        generator.Release();

        TestModels.AssertClose(TestModels.Expected(TestModels.Latent(6)), await wanted);
        await busy;
        foreach (Task<float[]> t in unwanted) await Assert.ThrowsAnyAsync<OperationCanceledException>(() => t);
        Assert.Equal(2, generator.RowsGenerated); // the busy one and the wanted one
        Assert.DoesNotContain(generator.Batches.SelectMany(b => b), l => l.SequenceEqual(TestModels.Latent(3)));
        SchedulerMetrics metrics = scheduler.Metrics();
        Assert.Equal(5, metrics.Cancelled);
        Assert.Equal(2, metrics.RowsComputed);
        Assert.Equal(0, metrics.QueueDepth);
    }

    [Fact]
    public async Task An_already_cancelled_token_computes_nothing()
    {
        RecordingGenerator generator = TestModels.Recording("v1");
        using var scheduler = new InferenceScheduler(generator);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => scheduler.RequestAsync(TestModels.Latent(1), cancellationToken: cts.Token));
        await scheduler.RequestAsync(TestModels.Latent(2)); // the worker has passed any point where it could have run latent 1

        Assert.Equal(1, generator.RowsGenerated);
    }

    [Fact]
    public async Task Work_still_wanted_by_another_request_is_computed_once()
    {
        RecordingGenerator generator = TestModels.Recording("v1");
        using var scheduler = new InferenceScheduler(generator);
        generator.Hold();
        Task<float[]> busy = scheduler.RequestAsync(TestModels.Latent(0));
        await generator.EnteredAsync();
        using var cts = new CancellationTokenSource();
        Task<float[]> leaving = scheduler.RequestAsync(TestModels.Latent(9), cancellationToken: cts.Token);
        Task<float[]> staying = scheduler.RequestAsync(TestModels.Latent(9));
        await cts.CancelAsync();
        generator.Release();

        TestModels.AssertClose(TestModels.Expected(TestModels.Latent(9)), await staying);
        await busy;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving);
        Assert.Equal(2, generator.RowsGenerated);
        Assert.Equal(1, scheduler.Metrics().JoinedPending);
    }
}
