using System.Collections.Concurrent;
using GenWorld.Inference.Generation;
using GenWorld.Inference.Models;
using GenWorld.Inference.Tests.Scheduling;

namespace GenWorld.Inference.Tests.Generation;

/// <summary>Loading a new version of a real model folder while requests keep coming: nothing fails, each answer comes whole from one version.</summary>
[Collection(OnnxRuntimeCollection.Name)]
public sealed class HotSwapTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("genworld-swap-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Swapping_notes_vae_for_a_retrained_copy_under_concurrent_load_fails_nothing()
    {
        string v1 = RepoPaths.Model("notes-vae");
        string v2 = ModelCopies.Retrained(v1, Path.Combine(_dir, "notes-vae"), "decoder", version: 2, noise: 0.05f);
        float[][] latents = [.. Enumerable.Range(0, 24).Select(SoundGenerationServiceTests.Latent)];
        float[][] expected1 = Reference(v1, latents), expected2 = Reference(v2, latents);
        Assert.True(Difference(expected1[0], expected2[0]) > 0.01, "the retrained copy must sound different");

        using var service = SoundGenerationService.Open(v1);
        string oldVersion = service.ModelVersion;
        var outcomes = new ConcurrentBag<int>(); // 1 or 2: which version answered
        int completed = 0;
        var swapped = new TaskCompletionSource();
        Task swap = Task.Run(async () =>
        {
            await TestModels.EventuallyAsync(() => Volatile.Read(ref completed) >= 12, "load before the swap");
            service.SwapModel(v2); // loads and warms up on this thread while the load goes on
            swapped.SetResult();
        });
        Task load = Task.WhenAll(Enumerable.Range(0, 4).Select(t => Task.Run(async () =>
        {
            for (int i = 0; !swapped.Task.IsCompleted || i < 24; i++)
            {
                int k = (t * 6 + i) % latents.Length;
                float[] clip = await service.GenerateSoundAsync(latents[k], SoundConditioning.Pitch(60));
                outcomes.Add(Close(expected1[k], clip) ? 1 : Close(expected2[k], clip) ? 2 : 0);
                Interlocked.Increment(ref completed);
                if (i > 400) throw new TimeoutException("the swap never finished");
            }
        })));
        await Task.WhenAll(load, swap).WaitAsync(TimeSpan.FromSeconds(90)); // a failed request would throw here

        Assert.DoesNotContain(0, outcomes);
        Assert.Contains(1, outcomes);
        Assert.Contains(2, outcomes);
        Assert.Equal(0, service.Metrics().Failed);
        Assert.NotEqual(oldVersion, service.ModelVersion);
        Assert.Contains("notes-vae v2", service.ModelVersion, StringComparison.Ordinal);
        // After the swap every new request is served by v2 (the cache was keyed by version).
        TestModels.AssertClose(expected2[3], await service.GenerateSoundAsync(latents[3], SoundConditioning.Pitch(60)), 1e-3f);
    }

    private static float[][] Reference(string folder, float[][] latents)
    {
        using ModelFolder model = ModelFolder.Open(folder, new OrtSessionFactory(_ => { }));
        var decoder = new SoundDecoder(model);
        return [.. latents.Select(z => decoder.Decode(z, 60))];
    }

    private static bool Close(float[] expected, float[] actual) => Difference(expected, actual) < 1e-3;

    private static double Difference(float[] a, float[] b) => a.Zip(b).Max(p => Math.Abs(p.First - p.Second));
}
