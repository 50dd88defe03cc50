using GenWorld.Content.Datasets;

namespace GenWorld.Content.Tests.Datasets;

public sealed class ResumeTests
{
    [Fact]
    public async Task InterruptedBuildResumesWithoutRedoingFinishedUnits()
    {
        var dir = Path.Combine(TestPaths.NewTempDir(), "ds");
        var options = new DatasetBuildOptions { OutputDirectory = dir, MaxParallelism = 1 };
        using var cts = new CancellationTokenSource();
        // The "kill": cancel once unit 3 is under way; units 0-2 are finished and journaled, unit 3 is abandoned.
        var first = new TestSource(8, (i, ct) =>
        {
            if (i != 3) return;
            cts.Cancel();
            ct.ThrowIfCancellationRequested();
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new DatasetBuilder(new NoPackages()).BuildAsync(first, options, ct: cts.Token));
        Assert.False(Directory.Exists(dir));
        Assert.Equal(3, File.ReadAllLines(Path.Combine(dir + ".staging", "progress.jsonl")).Count(l => l.Length > 0));

        var second = new TestSource(8);
        var ds = await new DatasetBuilder(new NoPackages()).BuildAsync(second, options);
        Assert.Equal(5, second.Produced);
        Assert.Equal(8, ds.Items.Count);
        Assert.Equal(3, ds.Info.Report.Skipped["every third unit also skips one input"]); // units 0, 3, 6: resumed counts kept
    }

    [Fact]
    public async Task FailedBuildLeavesThePreviousDatasetIntact()
    {
        var dir = Path.Combine(TestPaths.NewTempDir(), "ds");
        var good = await new DatasetBuilder(new NoPackages()).BuildAsync(new TestSource(4), new DatasetBuildOptions { OutputDirectory = dir });

        var failing = new TestSource(6, (i, _) => { if (i == 5) throw new InvalidDataException("unit 5 is broken"); });
        var e = await Assert.ThrowsAsync<DatasetBuildException>(() =>
            new DatasetBuilder(new NoPackages()).BuildAsync(failing, new DatasetBuildOptions { OutputDirectory = dir }));
        Assert.Contains("unit 5 is broken", e.Message);

        var after = Dataset.Open(dir);
        Assert.Equal(good.Info.Version, after.Info.Version);
        Assert.Equal(4, after.Items.Count);
    }

    [Fact]
    public async Task RebuildReplacesTheDatasetAtomically()
    {
        var dir = Path.Combine(TestPaths.NewTempDir(), "ds");
        await new DatasetBuilder(new NoPackages()).BuildAsync(new TestSource(4), new DatasetBuildOptions { OutputDirectory = dir });
        var second = await new DatasetBuilder(new NoPackages()).BuildAsync(new TestSource(6), new DatasetBuildOptions { OutputDirectory = dir });
        Assert.Equal(6, Dataset.Open(dir).Items.Count);
        Assert.Equal(second.Info.Version, Dataset.Open(dir).Info.Version);
        Assert.False(Directory.Exists(dir + ".staging"));
    }
}
