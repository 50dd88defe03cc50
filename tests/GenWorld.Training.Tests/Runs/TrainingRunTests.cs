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
    public void A_damaged_checkpoint_is_moved_aside_and_resume_falls_back_to_the_one_before_it()
    {
        TrainingRun.Execute(Options("c", 10), _ => new TinyRegression());
        string root = Path.Combine(_dir, "c", "checkpoints");
        string newest = new CheckpointStore(Path.Combine(_dir, "c")).LatestDirectory()!;
        Assert.EndsWith("step-000000010", newest, StringComparison.Ordinal);
        Flip(Path.Combine(newest, "model.pt"));

        var progress = new NullTrainingProgress();
        var resumed = TrainingRun.Execute(Options("c", 20, resume: true), _ => new TinyRegression(), progress);
        Assert.Equal(20, resumed.Report.Steps);
        string line = Assert.Single(progress.Lines, l => l.Contains("is damaged", StringComparison.Ordinal));
        Assert.Contains("model.pt is corrupt", line, StringComparison.Ordinal);
        Assert.Contains(progress.Lines, l => l.Contains("step-000000000 at step 0", StringComparison.Ordinal));
        // Never deleted: the damaged files are kept under damaged-step-*, out of the way of pruning and resuming.
        string aside = Assert.Single(Directory.GetDirectories(root, "damaged-step-000000010-*"));
        Assert.True(File.Exists(Path.Combine(aside, "model.pt")));

        // With every checkpoint damaged the error says so; a foreign checkpoint is refused as foreign, not moved.
        foreach (string dir in Directory.GetDirectories(root, "step-*")) Flip(Path.Combine(dir, "model.pt"));
        var e = Assert.Throws<TrainingException>(() => TrainingRun.Execute(Options("c", 30, resume: true), _ => new TinyRegression()));
        Assert.Contains("holds no intact checkpoint", e.Message, StringComparison.Ordinal);
        Assert.Contains("damaged one(s) moved aside", e.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetDirectories(root, "step-*"));

        TrainingRun.Execute(Options("f", 5), _ => new TinyRegression());
        string foreign = new CheckpointStore(Path.Combine(_dir, "f")).LatestDirectory()!;
        File.WriteAllText(Path.Combine(foreign, "checkpoint.json"), "{\"format\":\"something-else\"}");
        e = Assert.Throws<TrainingException>(() => TrainingRun.Execute(Options("f", 20, resume: true), _ => new TinyRegression()));
        Assert.Contains("foreign", e.Message, StringComparison.Ordinal);
        Assert.True(Directory.Exists(foreign));
    }

    [Fact]
    public void Two_runs_on_one_folder_are_refused_and_a_dead_runs_lock_is_taken_over()
    {
        string dir = Path.Combine(_dir, "locked");
        using (RunLock.Acquire(dir))
        {
            var e = Assert.Throws<TrainingException>(() => TrainingRun.Execute(Options("locked", 5), _ => new TinyRegression()));
            Assert.Contains($"already running (pid {Environment.ProcessId})", e.Message, StringComparison.Ordinal);
        }
        // A lock left by a process that died (kill -9): a pid that is not running.
        using (var dead = System.Diagnostics.Process.Start("true")!) { dead.WaitForExit(); File.WriteAllText(Path.Combine(dir, "run.lock"), dead.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)); }
        Assert.Equal(5, TrainingRun.Execute(Options("locked", 5), _ => new TinyRegression()).Report.Steps);
        Assert.False(File.Exists(Path.Combine(dir, "run.lock")), "the lock is released when the run ends");
    }

    private static void Flip(string file)
    {
        byte[] bytes = File.ReadAllBytes(file);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(file, bytes);
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
