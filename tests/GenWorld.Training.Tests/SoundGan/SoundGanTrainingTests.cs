using GenWorld.Core.Models;
using GenWorld.Training.Runs;
using GenWorld.Training.SoundGan;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace GenWorld.Training.Tests.SoundGan;

[Collection("Torch")]
public sealed class SoundGanTrainingTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gw-soundgan-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(SoundGeneratorKind.Harmonic)]
    [InlineData(SoundGeneratorKind.Spectrogram)]
    public void Steps_are_finite_update_both_networks_and_teach_the_pitch_classifier(SoundGeneratorKind kind)
    {
        manual_seed(5);
        var clips = TinySoundGanData.Load(TinySoundGanData.WriteFolder(Path.Combine(_dir, "data")));
        using var gan = TinySoundGanData.Gan(clips, TinySoundGanData.Settings with { Generator = kind });
        Assert.Equal(kind, gan.ModelConfig.Generator);
        Assert.Equal((60, 4, 2), (gan.ModelConfig.PitchMin, gan.ModelConfig.PitchClasses, gan.ModelConfig.LabelNames.Count));
        float[] g0 = Snapshot(gan.Networks.Generator), d0 = Snapshot(gan.Networks.Discriminator), e0 = Snapshot(gan.Networks.Ema);
        var random = new RunRandom(5);
        var steps = new List<IReadOnlyDictionary<string, double>>();
        for (int step = 1; step <= 20; step++)
        {
            using var scope = NewDisposeScope();
            steps.Add(gan.Step(step, random));
        }
        foreach (var figures in steps)
            Assert.All(figures, kv => Assert.True(double.IsFinite(kv.Value), $"{kv.Key} = {kv.Value}"));
        Assert.Contains(steps, s => s.ContainsKey("r1"));
        Assert.All(steps, s => Assert.True(s["grad_d"] > 0 && s["grad_g"] > 0));
        double gMoved = Moved(g0, gan.Networks.Generator), dMoved = Moved(d0, gan.Networks.Discriminator), eMoved = Moved(e0, gan.Networks.Ema);
        double first = steps.Take(5).Average(s => s["pitch_ce_real"]), last = steps.TakeLast(5).Average(s => s["pitch_ce_real"]);
        output.WriteLine($"weights moved: G {gMoved:E2}, D {dMoved:E2}, EMA {eMoved:E2}; pitch CE on real {first:F3} -> {last:F3}; d_loss {steps[^1]["d_loss"]:F3}");
        Assert.True(gMoved > 1e-4 && dMoved > 1e-4 && eMoved > 1e-5, "every network should have moved");
        Assert.True(last < first, $"the discriminator's pitch classifier should learn the real pitches: CE {first:F3} -> {last:F3}");
    }

    [Fact]
    public void Same_seed_gives_same_first_losses_and_a_resumed_run_matches_an_uninterrupted_one()
    {
        var clips = TinySoundGanData.Load(TinySoundGanData.WriteFolder(Path.Combine(_dir, "data")));
        double[] Run(string name, long steps, bool resume, int seed = 4) => [.. TrainingRun.Execute(
            new TrainingRunOptions { OutDir = Path.Combine(_dir, name), MaxSteps = steps, HistoryEvery = 1, Seed = seed, WritePreviews = false, Resume = resume },
            _ => TinySoundGanData.Gan(clips)).History.Select(h => h.Losses["loss"])];
        double[] straight = Run("straight", 6, false);
        Assert.Equal(straight[..3], Run("again", 3, false));
        Assert.NotEqual(straight[..3], Run("other", 3, false, seed: 5));
        Run("split", 3, false);
        Assert.Equal(straight, Run("split", 6, true));
    }

    [Fact]
    public void A_run_writes_previews_and_report_and_exports_a_model_folder()
    {
        var clips = TinySoundGanData.Load(TinySoundGanData.WriteFolder(Path.Combine(_dir, "data")));
        string run = Path.Combine(_dir, "run");
        var result = TrainingRun.Execute(new TrainingRunOptions { OutDir = run, MaxSteps = 3, Seed = 2 }, _ => TinySoundGanData.Gan(clips));
        Assert.InRange(result.Report.Metrics["auxPitchAccuracyReal"], 0, 1);
        string preview = Directory.GetDirectories(Path.Combine(run, "previews")).Order(StringComparer.Ordinal).Last();
        Assert.True(new FileInfo(Path.Combine(preview, "spectrograms.png")).Length > 500);
        Assert.Equal(6 * (2048 + 4000), Core.Audio.WavFile.Read(Path.Combine(preview, "grid.wav")).Frames);

        string model = Path.Combine(_dir, "models", "tiny-gan");
        SoundGanExporter.FromCheckpoint(result.Report.Checkpoint, model);
        var manifest = ModelManifest.Load(Path.Combine(model, ModelManifest.FileName));
        Assert.Empty(manifest.Validate());
        Assert.Equal((ModelKind.SoundGan, 8, 60, 63), (manifest.Kind, manifest.LatentSize, manifest.Conditioning!.PitchMin, manifest.Conditioning.PitchMax));
        Assert.Equal(["flute", "reed"], manifest.Conditioning.LabelNames);
        Assert.Equal([-1, 8 + 4 + 2], manifest.Parts[0].Inputs[0].Shape);
        Assert.Equal(("logmag-if-128-32", 16000, "test-v1", "CC0-1.0"), (manifest.AudioRepresentation, manifest.SampleRate, manifest.DatasetVersion, manifest.DataLicense));
        Assert.True(Directory.GetFiles(Path.Combine(model, "samples"), "*.wav").Length is > 0 and <= 6);
        Assert.True(File.Exists(Path.Combine(model, "samples", "spectrograms.png")));

        var e = Assert.Throws<TrainingException>(() => SoundGanExporter.FromCheckpoint(Path.Combine(_dir, "data"), Path.Combine(_dir, "models", "bad")));
        Assert.Contains("not a GenWorld checkpoint", e.Message);
    }

    [Fact]
    public void Conditions_are_checked_and_laid_out_pitch_then_label()
    {
        var clips = TinySoundGanData.Load(TinySoundGanData.WriteFolder(Path.Combine(_dir, "data")));
        SoundGanConfig config = Training.SoundGan.SoundGan.ConfigFor(clips, Tests.Models.TinyVaeData.Representation, TinySoundGanData.Settings);
        using Tensor oneHot = SoundGanCondition.OneHot(config, [new SoundGanCondition(62, 1)]);
        Assert.Equal([0f, 0, 1, 0, 0, 1], oneHot.data<float>().ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => SoundGanCondition.OneHot(config, [new SoundGanCondition(70, 0)]));
        var stranger = clips[0] with { Labels = new Dictionary<string, string> { ["family"] = "banjo" } };
        var e = Assert.Throws<InvalidDataException>(() => Training.SoundGan.SoundGan.ConditionOf(config, stranger));
        Assert.Contains("banjo", e.Message);
    }

    private static float[] Snapshot(nn.Module module)
    {
        using var scope = NewDisposeScope();
        return [.. module.parameters().SelectMany(p => p.detach().flatten().data<float>().ToArray())];
    }

    private static double Moved(float[] before, nn.Module module)
    {
        float[] after = Snapshot(module);
        return before.Zip(after, (a, b) => (double)Math.Abs(a - b)).Max();
    }
}
