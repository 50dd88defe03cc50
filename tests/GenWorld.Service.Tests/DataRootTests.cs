using GenWorld.Service.Jobs;
using GenWorld.Service.Security;

namespace GenWorld.Service.Tests;

public sealed class DataRootTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gw-dataroot-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Links_that_stay_inside_the_root_are_allowed_and_the_root_may_itself_be_a_link()
    {
        string real = Directory.CreateDirectory(Path.Combine(_dir, "real")).FullName;
        string sounds = Directory.CreateDirectory(Path.Combine(real, "sounds", "2026")).FullName;
        File.WriteAllText(Path.Combine(sounds, "a.wav"), "x");
        File.CreateSymbolicLink(Path.Combine(sounds, "b.wav"), Path.Combine(sounds, "a.wav"));
        Directory.CreateSymbolicLink(Path.Combine(real, "current"), "sounds/2026");
        string linkedRoot = Directory.CreateSymbolicLink(Path.Combine(_dir, "root"), real).FullName;
        var root = new DataRoot(linkedRoot);

        Assert.Equal(real, root.Path);
        Assert.Equal(sounds, root.Resolve("current", out string? error));
        Assert.Null(error);
        Assert.Equal(sounds, root.Resolve(Path.Combine(linkedRoot, "sounds", "2026"), out error)); // absolute, inside
        Assert.Null(error);
        Assert.Null(root.Resolve("sounds/missing", out error));
        Assert.Contains("is not a folder under the data root", error, StringComparison.Ordinal);
        Assert.Null(root.Resolve("", out error));
        Assert.StartsWith("dataset: required", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_chain_that_ends_outside_the_root_is_refused()
    {
        string rootDir = Directory.CreateDirectory(Path.Combine(_dir, "data")).FullName;
        string outside = Directory.CreateDirectory(Path.Combine(_dir, "secret")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(rootDir, "hop2"), outside);
        Directory.CreateSymbolicLink(Path.Combine(rootDir, "hop1"), "hop2"); // inside → inside → outside
        var root = new DataRoot(rootDir);

        Assert.Null(root.Resolve("hop1", out string? error));
        Assert.Contains($"resolves to {outside}, outside the data root", error, StringComparison.Ordinal);
        Assert.Null(root.Resolve("hop1/..", out error));
        Assert.Contains("'..' is not allowed", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corrupt_job_file_is_reported_at_start_and_the_other_jobs_load()
    {
        var store = new JobStore(_dir);
        JobRecord kept = store.Add(new JobRecord { Kind = "sound-vae", Name = "a", Dataset = "notes", Steps = 5 });
        Directory.CreateDirectory(Path.Combine(store.Root, "broken"));
        File.WriteAllText(Path.Combine(store.Root, "broken", "job.json"), "{\"id\": \"broken\", ");

        var reloaded = new JobStore(_dir);
        Assert.Equal(kept, reloaded.Get(kept.Id)! with { Hyperparameters = kept.Hyperparameters, Metrics = kept.Metrics, Losses = kept.Losses, ResumedFromSteps = kept.ResumedFromSteps, Log = kept.Log });
        Assert.Equal(JobState.Queued, reloaded.Get(kept.Id)!.State);
        BrokenJob broken = Assert.Single(reloaded.Broken);
        Assert.Equal("broken", broken.Id);
        Assert.Contains("job.json cannot be read", broken.Problem, StringComparison.Ordinal);
        // Sequence numbers continue after a restart, so the queue order holds.
        Assert.True(reloaded.Add(new JobRecord { Kind = "sound-vae", Name = "b", Dataset = "notes", Steps = 5 }).Sequence > kept.Sequence);
    }
}
