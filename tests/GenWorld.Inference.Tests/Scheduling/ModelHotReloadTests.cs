using System.Globalization;
using GenWorld.Core.Models;
using GenWorld.Inference.Models;
using GenWorld.Inference.Scheduling;

namespace GenWorld.Inference.Tests.Scheduling;

[Collection(OnnxRuntimeCollection.Name)]
public sealed class ModelHotReloadTests : IDisposable
{
    private const float V2Offset = 100; // later versions' outputs are v1's plus 100
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20); // only catches hangs
    private readonly string _dir = Directory.CreateTempSubdirectory("gw-hot-reload-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>What the training service does: a complete version folder, then the pointer.</summary>
    private void Publish(int version)
    {
        string folder = ModelVersions.VersionDir(_dir, version);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, ModelManifest.FileName), "{}");
        File.WriteAllText(Path.Combine(_dir, ModelVersions.LatestFile), version.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_slow_load_runs_on_its_own_thread_while_the_old_version_keeps_serving()
    {
        Publish(1);
        using var scheduler = new InferenceScheduler(TestModels.Linear("v1"));
        using var opening = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        bool? loadedOnPool = null;
        using var reload = new ModelHotReload(scheduler, new ModelVersionWatcher(_dir, TimeSpan.FromMilliseconds(50)), e =>
        {
            loadedOnPool = Thread.CurrentThread.IsThreadPoolThread;
            opening.Set();
            Assert.True(release.Wait(Patience));
            return TestModels.Linear($"v{e.Version}", V2Offset);
        });
        var swapped = new TaskCompletionSource<ModelVersionPublished>(TaskCreationOptions.RunContinuationsAsynchronously);
        reload.Swapped += (_, e) => swapped.TrySetResult(e);

        Publish(2);
        Assert.True(opening.Wait(Patience), "version 2 was never opened");
        for (int i = 0; i < 20; i++)
            TestModels.AssertClose(TestModels.Expected(TestModels.Latent(i)), await scheduler.RequestAsync(TestModels.Latent(i)).WaitAsync(Patience));
        Assert.Equal(0, reload.Swaps);

        release.Set();
        Assert.Equal(2, (await swapped.Task.WaitAsync(Patience)).Version);
        // A load held a thread-pool thread for as long as it took, which starved callers' awaits on a busy machine.
        Assert.False(loadedOnPool);
        Assert.Equal("v2", scheduler.ModelVersion);
        TestModels.AssertClose(TestModels.Expected(TestModels.Latent(100), V2Offset), await scheduler.RequestAsync(TestModels.Latent(100)));
    }

    [Fact]
    public async Task A_version_that_fails_to_load_is_reported_and_the_next_good_one_is_swapped_in()
    {
        Publish(1);
        using var scheduler = new InferenceScheduler(TestModels.Linear("v1"));
        var swapped = new TaskCompletionSource<ModelVersionPublished>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var reload = new ModelHotReload(scheduler, new ModelVersionWatcher(_dir, TimeSpan.FromMilliseconds(50)), e =>
            e.Version == 2 ? throw new InvalidOperationException("decoder.onnx is damaged") : TestModels.Linear($"v{e.Version}", V2Offset));
        reload.Swapped += (_, e) => swapped.TrySetResult(e);

        Publish(2);
        await TestModels.EventuallyAsync(() => reload.LastError is not null, "the failed load to be reported");
        Assert.Contains("version 2", reload.LastError);
        Assert.Contains("damaged", reload.LastError);
        Assert.Equal("v1", scheduler.ModelVersion);
        TestModels.AssertClose(TestModels.Expected(TestModels.Latent(3)), await scheduler.RequestAsync(TestModels.Latent(3)));

        Publish(3);
        Assert.Equal(3, (await swapped.Task.WaitAsync(Patience)).Version);
        Assert.Null(reload.LastError);
        Assert.Equal(1, reload.Swaps);
        TestModels.AssertClose(TestModels.Expected(TestModels.Latent(4), V2Offset), await scheduler.RequestAsync(TestModels.Latent(4)));
    }
}
