using GenWorld.Core.IO;
using GenWorld.Core.Models;
using GenWorld.Inference.Models;

namespace GenWorld.Service.Tests;

public sealed class ModelVersionsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gw-versions-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Version(string model, int n)
    {
        string dir = Directory.CreateDirectory(Path.Combine(_dir, model, n.ToString(System.Globalization.CultureInfo.InvariantCulture))).FullName;
        File.WriteAllText(Path.Combine(dir, ModelManifest.FileName), "{}");
        return dir;
    }

    [Fact]
    public void Flat_shipped_folders_resolve_to_themselves_and_versioned_ones_to_the_latest_complete_version()
    {
        string flat = Directory.CreateDirectory(Path.Combine(_dir, "notes-vae")).FullName;
        File.WriteAllText(Path.Combine(flat, ModelManifest.FileName), "{}");
        Assert.Equal((flat, (int?)null), ModelVersions.Resolve(flat));

        string model = Path.Combine(_dir, "tex");
        Version("tex", 1);
        string v2 = Version("tex", 2);
        Directory.CreateDirectory(Path.Combine(model, "3")); // a half-written version without a manifest is never chosen
        Directory.CreateDirectory(Path.Combine(model, ".tmp-abc"));
        Assert.Equal([1, 2], ModelVersions.List(model));
        Assert.Equal((v2, (int?)2), ModelVersions.Resolve(model)); // no pointer yet: the highest complete one
        AtomicFile.WriteAllText(Path.Combine(model, ModelVersions.LatestFile), "1");
        Assert.Equal(1, ModelVersions.Latest(model)); // the pointer wins (e.g. a rollback)
        AtomicFile.WriteAllText(Path.Combine(model, ModelVersions.LatestFile), "3");
        Assert.Equal(2, ModelVersions.Latest(model)); // a pointer to an incomplete folder is ignored
        Assert.Equal("tex@2", VersionedModelFolder.VersionLabel(model));

        var e = Assert.Throws<DirectoryNotFoundException>(() => ModelVersions.Resolve(Path.Combine(_dir, "empty-model")));
        Assert.Contains("not a model folder", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_watcher_reports_each_newer_version_once_and_never_an_older_one()
    {
        string model = Path.Combine(_dir, "live");
        Version("live", 1);
        AtomicFile.WriteAllText(Path.Combine(model, ModelVersions.LatestFile), "1");
        using var watcher = new ModelVersionWatcher(model, TimeSpan.FromMilliseconds(100));
        Assert.Equal(1, watcher.CurrentVersion);
        var seen = new List<ModelVersionPublished>();
        var third = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.Published += (_, e) =>
        {
            lock (seen) seen.Add(e);
            if (e.Version == 3) third.TrySetResult();
        };

        string v2 = Version("live", 2);
        AtomicFile.WriteAllText(Path.Combine(model, ModelVersions.LatestFile), "2");
        await WaitUntil(() => { lock (seen) return seen.Count == 1; });
        AtomicFile.WriteAllText(Path.Combine(model, ModelVersions.LatestFile), "1"); // older: ignored
        Version("live", 3);
        AtomicFile.WriteAllText(Path.Combine(model, ModelVersions.LatestFile), "3");
        await third.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(300); // more polls and file events: still no duplicates
        lock (seen)
        {
            Assert.Equal([2, 3], seen.Select(e => e.Version));
            Assert.Equal(v2, seen[0].Folder);
        }
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (int i = 0; i < 200 && !condition(); i++) await Task.Delay(50);
        Assert.True(condition(), "timed out");
    }
}
