using GenWorld.Inference.Scheduling;

namespace GenWorld.Inference.Tests.Scheduling;

[Collection(OnnxRuntimeCollection.Name)]
public sealed class SchedulerSwapTests
{
    private const float V2Offset = 100; // v2's outputs are v1's plus 100: every result says which model made it

    [Fact]
    public async Task Swap_under_load_fails_nothing_and_serves_both_versions()
    {
        RecordingGenerator v1 = TestModels.Recording("v1");
        RecordingGenerator v2 = TestModels.Recording("v2", V2Offset);
        using var scheduler = new InferenceScheduler(v1);
        int completed = 0, fromV1 = 0, fromV2 = 0, wrong = 0;

        Task load = Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(async () =>
        {
            for (int i = 0; i < 200; i++)
            {
                float[] latent = TestModels.Latent(t * 200 + i);
                float[] y = await scheduler.RequestAsync(latent);
                if (Matches(TestModels.Expected(latent), y)) Interlocked.Increment(ref fromV1);
                else if (Matches(TestModels.Expected(latent, V2Offset), y)) Interlocked.Increment(ref fromV2);
                else Interlocked.Increment(ref wrong);
                // The caller that completes request 800 swaps, while the other seven keep requesting.
                if (Interlocked.Increment(ref completed) == 800) scheduler.Swap(v2);
            }
        })));
        await load.WaitAsync(TimeSpan.FromSeconds(60)); // any failed request would throw here

        Assert.Equal(1600, completed);
        Assert.Equal(0, wrong);
        Assert.True(fromV1 >= 800, $"v1 served {fromV1}");
        Assert.True(fromV2 > 0, $"v2 served {fromV2}");
        Assert.Equal(1600, fromV1 + fromV2);
        await v1.Disposed.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.False(v2.Disposed.IsCompleted);
        Assert.Equal(fromV1, v1.RowsGenerated); // all latents distinct: one row per request
        Assert.Equal(fromV2, v2.RowsGenerated);
        SchedulerMetrics metrics = scheduler.Metrics();
        Assert.Equal("v2", metrics.ModelVersion);
        Assert.Equal(0, metrics.Failed);
    }

    [Fact]
    public async Task The_batch_running_at_swap_time_finishes_on_the_old_model_which_is_then_disposed()
    {
        RecordingGenerator v1 = TestModels.Recording("v1");
        RecordingGenerator v2 = TestModels.Recording("v2", V2Offset);
        using var scheduler = new InferenceScheduler(v1);
        v1.Hold();
        Task<float[]> inFlight = scheduler.RequestAsync(TestModels.Latent(1));
        await v1.EnteredAsync();

        scheduler.Swap(v2);
        Task<float[]> after = scheduler.RequestAsync(TestModels.Latent(2));
        Assert.False(v1.Disposed.IsCompleted); // still running a batch
        v1.Release();

        TestModels.AssertClose(TestModels.Expected(TestModels.Latent(1)), await inFlight);
        TestModels.AssertClose(TestModels.Expected(TestModels.Latent(2), V2Offset), await after);
        await v1.Disposed.WaitAsync(TimeSpan.FromSeconds(20));
        // The cache is keyed by version: latent 1 is computed again by v2.
        TestModels.AssertClose(TestModels.Expected(TestModels.Latent(1), V2Offset), await scheduler.RequestAsync(TestModels.Latent(1)));
    }

    [Fact]
    public void Swap_refuses_a_model_of_another_shape_or_the_same_version()
    {
        using var scheduler = new InferenceScheduler(TestModels.Linear("v1"));
        using OrtBatchGenerator wide = new(new OrtSessionFactory(_ => { }).Open(
            OnnxSharpModels.LinearBytes(5, 3, new float[15], new float[3]), "wide", new OrtSessionSettings(DevicePreference.Cpu)), "v2");
        using OrtBatchGenerator same = TestModels.Linear("v1");

        Assert.Contains("takes latent 5", Assert.Throws<ArgumentException>(() => scheduler.Swap(wide)).Message, StringComparison.Ordinal);
        Assert.Contains("'v1' is already being served", Assert.Throws<ArgumentException>(() => scheduler.Swap(same)).Message, StringComparison.Ordinal);
        Assert.Equal("v1", scheduler.ModelVersion);
    }

    private static bool Matches(float[] expected, float[] actual) =>
        expected.Length == actual.Length && expected.Zip(actual).All(p => MathF.Abs(p.First - p.Second) < 1e-3f);
}
