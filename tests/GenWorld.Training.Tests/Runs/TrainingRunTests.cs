using System.Text.Json;
using GenWorld.Training.Runs;

namespace GenWorld.Training.Tests.Runs;

[Collection("Torch")]
public sealed class TrainingRunTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gw-run-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private TrainingRunOptions Options(string name, long steps, bool resume = false, bool previews = false) => new()
    {
        OutDir = Path.Combine(_dir, name), MaxSteps = steps, Seed = 7, HistoryEvery = 1, CheckpointEverySteps = 10,
        Resume = resume, WritePreviews = previews,
    };

    private static double[] Losses(TrainingRunResult r) => [.. r.History.Select(h => h.Losses["loss"])];

    [Fact]
    public void LossGoesDownAndReportIsWritten()
    {
        var result = TrainingRun.Execute(Options("a", 60, previews: true), _ => new TinyRegression());
        double[] losses = Losses(result);
        Assert.Equal(60, losses.Length);
        Assert.True(losses[^5..].Average() < 0.5 * losses[..5].Average(), $"loss {losses[..5].Average()} -> {losses[^5..].Average()}");
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "a", "report.json")));
        Assert.Equal(60, report.RootElement.GetProperty("steps").GetInt64());
        byte[] png = File.ReadAllBytes(Path.Combine(_dir, "a", "curves.png"));
        Assert.True(png.Length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G');
    }

    [Fact]
    public void SameSeedGivesSameFirstLosses()
    {
        double[] a = Losses(TrainingRun.Execute(Options("s1", 5), _ => new TinyRegression()));
        double[] b = Losses(TrainingRun.Execute(Options("s2", 5), _ => new TinyRegression()));
        double[] c = Losses(TrainingRun.Execute(Options("s3", 5) with { Seed = 8 }, _ => new TinyRegression()));
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void ResumeContinuesFromTheCheckpointAndMatchesAnUninterruptedRun()
    {
        double[] straight = Losses(TrainingRun.Execute(Options("straight", 30), _ => new TinyRegression()));
        TrainingRun.Execute(Options("split", 20), _ => new TinyRegression());
        var resumed = TrainingRun.Execute(Options("split", 30, resume: true), _ => new TinyRegression());
        Assert.Equal(30, resumed.Report.Steps);
        double[] after = Losses(resumed);
        Assert.Equal(30, after.Length);
        for (int i = 20; i < 30; i++)
            Assert.Equal(straight[i], after[i], 5);
    }

    [Fact]
    public void CorruptCheckpointGivesAClearErrorAndKeepsIt()
    {
        TrainingRun.Execute(Options("c", 10), _ => new TinyRegression());
        string ckpt = new CheckpointStore(Path.Combine(_dir, "c")).LatestDirectory()!;
        string model = Path.Combine(ckpt, "model.pt");
        byte[] bytes = File.ReadAllBytes(model);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(model, bytes);
        var e = Assert.Throws<TrainingException>(() => TrainingRun.Execute(Options("c", 20, resume: true), _ => new TinyRegression()));
        Assert.Contains("model.pt is corrupt", e.Message);
        Assert.True(Directory.Exists(ckpt));

        File.WriteAllText(Path.Combine(ckpt, "checkpoint.json"), "{\"format\":\"something-else\"}");
        e = Assert.Throws<TrainingException>(() => TrainingRun.Execute(Options("c", 20, resume: true), _ => new TinyRegression()));
        Assert.Contains("foreign", e.Message);
    }

    [Fact]
    public void A_checkpoint_that_cannot_be_written_stops_the_run_clearly_and_keeps_the_last_good_one()
    {
        TrainingRun.Execute(Options("full", 10), _ => new TinyRegression());
        var store = new CheckpointStore(Path.Combine(_dir, "full"));
        string good = store.LatestDirectory()!;
        // The filesystem refuses the step-20 checkpoint (a file squats on its name), as a full disk refuses a write.
        File.WriteAllText(Path.Combine(store.Root, "step-000000020"), "in the way");
        var e = Assert.Throws<TrainingException>(() => TrainingRun.Execute(Options("full", 20, resume: true), _ => new TinyRegression()));
        Assert.Contains("could not write the checkpoint at step 20", e.Message);
        Assert.Contains(good, e.Message);
        Assert.Contains("--resume", e.Message);
        Assert.Equal(good, store.LatestDirectory());
        Assert.Empty(Directory.GetDirectories(store.Root, ".tmp-*"));
        Assert.Equal(10, CheckpointStore.Inspect(good).Step);

        // Space back: the run resumes from the kept checkpoint and finishes.
        File.Delete(Path.Combine(store.Root, "step-000000020"));
        Assert.Equal(20, TrainingRun.Execute(Options("full", 20, resume: true), _ => new TinyRegression()).Report.Steps);
    }

    [Fact]
    public void ForeignConfigAndFreshRunOverCheckpointAreRefused()
    {
        TrainingRun.Execute(Options("f", 3), _ => new TinyRegression());
        var e = Assert.Throws<TrainingException>(() => TrainingRun.Execute(Options("f", 6, resume: true), _ => new TinyRegression(hidden: 32)));
        Assert.Contains("hidden", e.Message);
        e = Assert.Throws<TrainingException>(() => TrainingRun.Execute(Options("f", 6), _ => new TinyRegression()));
        Assert.Contains("--resume", e.Message);
    }

    [Fact]
    public void NanLossRollsBackAndLowersTheLearningRate()
    {
        var progress = new NullTrainingProgress();
        var result = TrainingRun.Execute(Options("n", 25), _ => new TinyRegression(nanAtStep: 15), progress);
        Assert.Equal(1, result.Report.Rollbacks);
        Assert.Equal(25, result.Report.Steps);
        Assert.Contains(progress.Lines, l => l.Contains("rolled back to step 10") && l.Contains("x0.5"));
        Assert.All(Losses(result), l => Assert.True(double.IsFinite(l)));
    }
}
