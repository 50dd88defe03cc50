using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using GenWorld.Core.Models;
using GenWorld.Inference;
using GenWorld.Inference.Models;
using GenWorld.Inference.Scheduling;
using Xunit.Abstractions;

namespace GenWorld.Service.Tests;

[Collection("Service")]
public sealed class HotSwapTests(ITestOutputHelper output) : IDisposable
{
    private readonly TestData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_scheduler_serving_version_1_swaps_to_a_fine_tuned_version_2_the_service_publishes_with_no_failed_request()
    {
        await using var service = await TestService.StartAsync(_data.Options());
        string first = (await TestService.SubmitAsync(service.Http, new { kind = "sound-vae", dataset = "notes", name = "notes-live", steps = 10, hyperparameters = TestData.TinySoundVae }))
            .GetProperty("id").GetString()!;
        await TestService.WaitAsync(service.Http, first, j => j.GetProperty("state").GetString() == "succeeded", 60);

        // The world's side: open the latest version, serve it, and let the watcher swap in whatever comes next.
        string modelDir = Path.Combine(_data.Models, "notes-live");
        var factory = new OrtSessionFactory(output.WriteLine);
        var settings = new OrtSessionSettings(DevicePreference.Cpu, IntraOpThreads: 1);
        IBatchGenerator Open(string folder, int version) => OrtBatchGenerator.Open(factory, Path.Combine(folder, "decoder.onnx"), $"notes-live@{version}", settings);
        (string folder1, int? version1) = ModelVersions.Resolve(modelDir);
        Assert.Equal(1, version1);
        using var scheduler = new InferenceScheduler(Open(folder1, 1), new SchedulerOptions(CacheBytes: 0));
        using var reload = new ModelHotReload(scheduler, new ModelVersionWatcher(modelDir, TimeSpan.FromMilliseconds(250)), e => Open(e.Folder, e.Version));
        var swappedAt = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        reload.Swapped += (_, _) => swappedAt.TrySetResult(Stopwatch.GetTimestamp());

        int width = LatentWidth(folder1);
        float[] probe = new float[width];
        probe[^1] = 1; // a pitch one-hot after the latent
        float[] before = await scheduler.RequestAsync(probe);

        using var stop = new CancellationTokenSource();
        var completions = new ConcurrentQueue<long>();
        long failures = 0;
        // Two callers asking about every 2 ms, like a world requesting sounds as the listener moves.
        Task load = Task.WhenAll(Enumerable.Range(0, 2).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            while (!stop.IsCancellationRequested)
            {
                float[] latent = [.. Enumerable.Range(0, width).Select(_ => (float)(random.NextDouble() * 2 - 1))];
                try
                {
                    float[] y = await scheduler.RequestAsync(latent);
                    if (y.Length == 0 || !float.IsFinite(y[0])) Interlocked.Increment(ref failures);
                    completions.Enqueue(Stopwatch.GetTimestamp());
                    await Task.Delay(2);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })));

        // The designer's side: fine-tune version 1 a little more; the service publishes it as version 2.
        JsonElement second = await TestService.SubmitAsync(service.Http, new { kind = "sound-vae", dataset = "notes", name = "notes-live", baseModel = "notes-live", steps = 10, hyperparameters = TestData.TinySoundVae });
        long swapped = await swappedAt.Task.WaitAsync(TimeSpan.FromMinutes(5));
        await Task.Delay(500);
        await stop.CancelAsync();
        await load;

        JsonElement job2 = await TestService.WaitAsync(service.Http, second.GetProperty("id").GetString()!, TestService.Finished, 30);
        Assert.Equal("notes-live/2", job2.GetProperty("model").GetString());
        Assert.Contains(job2.GetProperty("log").EnumerateArray(), l => l.GetString()!.StartsWith("Fine-tuning from", StringComparison.Ordinal));
        Assert.Equal(0, Interlocked.Read(ref failures));
        Assert.Null(reload.LastError);
        Assert.Equal(1, reload.Swaps);
        Assert.Equal("notes-live@2", scheduler.ModelVersion);
        float[] after = await scheduler.RequestAsync(probe);
        double change = before.Zip(after, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(change > 1e-5, $"version 2 should decode differently after 10 more steps (max change {change:E2})");

        long[] times = [.. completions.Order()];
        double GapMs(int i) => Stopwatch.GetElapsedTime(times[i - 1], times[i]).TotalMilliseconds;
        // The hitch: the gap that straddles the swap and every gap in the 200 ms after it (first requests on version 2).
        long after200 = swapped + Stopwatch.Frequency / 5;
        int[] nearSwap = [.. Enumerable.Range(1, times.Length - 1).Where(i => times[i] > swapped && times[i - 1] < after200)];
        double hitch = nearSwap.Select(GapMs).DefaultIfEmpty(0).Max();
        double[] gaps = [.. Enumerable.Range(1, times.Length - 1).Select(GapMs).Order()];
        double median = gaps[gaps.Length / 2], p99 = gaps[(int)(gaps.Length * 0.99)], worst = gaps[^1];
        output.WriteLine($"HITCH: {times.Length} requests, 0 failed; swap hitch (gap across the swap and in the 200 ms after) {hitch:F1} ms; "
            + $"all gaps: median {median:F2} ms, p99 {p99:F1} ms, worst {worst:F1} ms (a job trains and exports beside the load on a shared machine)");
        // The hitch is reported, not bounded: here it is 10-17 ms, but a CI machine running other test assemblies beside
        // this one once stalled these callers for 823 ms, a figure about the machine, not the swap. What the swap itself
        // must guarantee (callers are answered by version 1 while version 2 loads, on a thread of its own) is asserted
        // without a clock in ModelHotReloadTests.
    }

    private static int LatentWidth(string folder) =>
        (int)ModelManifest.Load(Path.Combine(folder, ModelManifest.FileName)).Parts.Single(p => p.Name == "decoder").Inputs[0].Shape[1];
}
