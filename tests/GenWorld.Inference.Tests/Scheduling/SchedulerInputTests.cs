using GenWorld.Inference.Scheduling;

namespace GenWorld.Inference.Tests.Scheduling;

[Collection(OnnxRuntimeCollection.Name)]
public sealed class SchedulerInputTests
{
    [Fact]
    public async Task Bad_latents_are_refused_by_name_and_serving_goes_on()
    {
        RecordingGenerator generator = TestModels.Recording("v1");
        using var scheduler = new InferenceScheduler(generator);

        Assert.Contains("latent has 3 values; the model takes 4", Refused(() => scheduler.RequestAsync([1, 2, 3])), StringComparison.Ordinal);
        Assert.Contains("latent[2] is NaN", Refused(() => scheduler.RequestAsync([0, 0, float.NaN, 0])), StringComparison.Ordinal);
        Assert.Contains("latent[0] is -Infinity", Refused(() => scheduler.RequestAsync([float.NegativeInfinity, 0, 0, 0])), StringComparison.Ordinal);
        Assert.Contains("is outside", Refused(() => scheduler.RequestAsync([1e30f, 0, 0, 0])), StringComparison.Ordinal);
        Assert.Contains("model is unconditional", Refused(() => scheduler.RequestAsync([0, 0, 0, 0], conditioning: [1])), StringComparison.Ordinal);
        Assert.Contains("latents[1][0] is NaN", Refused(() => scheduler.Hint([[0, 0, 0, 0], [float.NaN, 0, 0, 0]])), StringComparison.Ordinal);
        Assert.Contains("priority 7", Refused(() => scheduler.RequestAsync([0, 0, 0, 0], priority: (RequestPriority)7)), StringComparison.Ordinal);

        TestModels.AssertClose(TestModels.Expected(TestModels.Latent(5)), await scheduler.RequestAsync(TestModels.Latent(5)));
        Assert.Equal(1, generator.RowsGenerated); // the refused hint list queued nothing, not even its valid first latent
        Assert.Equal(1, scheduler.Metrics().Requests);
    }

    [Fact]
    public async Task A_batch_that_throws_fails_its_requests_only()
    {
        using var scheduler = new InferenceScheduler(new ThrowOnFirstCall(TestModels.Linear("v1")));
        await Assert.ThrowsAsync<InvalidOperationException>(() => scheduler.RequestAsync(TestModels.Latent(1)));
        TestModels.AssertClose(TestModels.Expected(TestModels.Latent(1)), await scheduler.RequestAsync(TestModels.Latent(1)));
        Assert.Equal(1, scheduler.Metrics().Failed);
    }

    [Fact]
    public async Task Disposing_fails_queued_requests_and_disposes_the_model()
    {
        RecordingGenerator generator = TestModels.Recording("v1");
        var scheduler = new InferenceScheduler(generator);
        generator.Hold();
        Task<float[]> running = scheduler.RequestAsync(TestModels.Latent(0));
        await generator.EnteredAsync();
        Task<float[]> queued = scheduler.RequestAsync(TestModels.Latent(1));

        Task disposing = Task.Run(scheduler.Dispose);
        await TestModels.EventuallyAsync(() => IsRefused(scheduler), "Dispose to start"); // only then let the batch end
        generator.Release();
        await disposing.WaitAsync(TimeSpan.FromSeconds(20));

        TestModels.AssertClose(TestModels.Expected(TestModels.Latent(0)), await running); // the running batch still delivers
        await Assert.ThrowsAsync<ObjectDisposedException>(() => queued);
        Assert.True(generator.Disposed.IsCompleted);
        Assert.Throws<ObjectDisposedException>(() => { _ = scheduler.RequestAsync(TestModels.Latent(2)); }); // refused synchronously
    }

    [Fact]
    public void Bad_options_name_the_field()
    {
        using OrtBatchGenerator generator = TestModels.Linear("v1"); // still ours: the scheduler refused it
        var e = Assert.Throws<ArgumentException>(() => new InferenceScheduler(generator, new SchedulerOptions(MaxBatchSize: 0)));
        Assert.Contains("MaxBatchSize = 0", e.Message, StringComparison.Ordinal);
    }

    private static bool IsRefused(InferenceScheduler scheduler)
    {
        try
        {
            scheduler.Hint([]);
            return false;
        }
        catch (ObjectDisposedException)
        {
            return true;
        }
    }

    private static string Refused(Action call) => Assert.ThrowsAny<ArgumentException>(call).Message;

    private sealed class ThrowOnFirstCall(IBatchGenerator inner) : IBatchGenerator
    {
        private int _calls;
        public int LatentSize => inner.LatentSize;
        public int ConditioningSize => inner.ConditioningSize;
        public int OutputLength => inner.OutputLength;
        public string Version => inner.Version;
        public void Dispose() => inner.Dispose();

        public float[][] Generate(ReadOnlySpan<float[]> latents, ReadOnlySpan<float[]> conditioning) =>
            Interlocked.Increment(ref _calls) == 1 ? throw new InvalidOperationException("simulated device fault") : inner.Generate(latents, conditioning);
    }
}
