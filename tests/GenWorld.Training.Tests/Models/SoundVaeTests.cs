using GenWorld.Core.Models;
using GenWorld.Training.Data;
using GenWorld.Training.Models;
using GenWorld.Training.Runs;
using GenWorld.Training.Tests.Export;
using static TorchSharp.torch;

namespace GenWorld.Training.Tests.Models;

[Collection("Torch")]
public sealed class SoundVaeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gw-vae-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static SoundVaeTrainer Trainer(IReadOnlyList<PreparedClip> clips) => new(
        SoundVaeTrainer.ConfigFor(TinyVaeData.Representation, clips, latentSize: 4, channels: 4),
        new SoundVaeTrainingOptions { BatchSize = 4, LearningRate = 3e-3, BetaWarmupSteps = 10, HeldOutEvery = 5 },
        TinyVaeData.Representation, clips, "test-v1", "CC0-1.0");

    [Fact]
    public void LossGoesDownAndReportHasHeldOutMetrics()
    {
        var clips = TinyVaeData.Load(TinyVaeData.WriteFolder(Path.Combine(_dir, "data")));
        Assert.Equal(60, clips[0].Pitch);
        var options = new TrainingRunOptions { OutDir = Path.Combine(_dir, "run"), MaxSteps = 25, HistoryEvery = 1, Seed = 3 };
        var result = TrainingRun.Execute(options, _ => Trainer(clips));
        double[] losses = [.. result.History.Select(h => h.Losses["logMagMse"])];
        Assert.True(losses[^5..].Average() < 0.7 * losses[..5].Average(), $"log-mag MSE {losses[..5].Average()} -> {losses[^5..].Average()}");
        var m = result.Report.Metrics;
        Assert.Equal(2, m["heldOutClips"]);
        Assert.True(double.IsFinite(m["heldOutElboNatsPerClip"]));
        Assert.True(m["heldOutSpectralDistance"] > 0 && m["baselineSpectralDistance"] > 0);
        // 2 held-out clips: original + reconstruction each, then 2 prior draws, each followed by a 0.25 s gap.
        string grid = Directory.GetFiles(Path.Combine(_dir, "run", "previews"), "grid.wav", SearchOption.AllDirectories).First();
        Assert.Equal(6 * (2048 + 4000), Core.Audio.WavFile.Read(grid).Frames);
    }

    [Fact]
    public void SameSeedGivesSameFirstLosses()
    {
        var clips = TinyVaeData.Load(TinyVaeData.WriteFolder(Path.Combine(_dir, "data")));
        double[] Run(string name, int seed) => [.. TrainingRun.Execute(
            new TrainingRunOptions { OutDir = Path.Combine(_dir, name), MaxSteps = 3, HistoryEvery = 1, Seed = seed, WritePreviews = false },
            _ => Trainer(clips)).History.Select(h => h.Losses["loss"])];
        double[] a = Run("a", 11), b = Run("b", 11), c = Run("c", 12);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void EncoderAndDecoderExportWithParity()
    {
        manual_seed(5);
        var config = new SoundVaeConfig(64, 64, LatentSize: 4, Channels: 4, Downsamples: 4, PitchMin: 60, PitchClasses: 4);
        using var vae = new SoundVae(config);
        double enc = OnnxParity.MaxDiff(vae.Encoder, [2, 64, 64]);
        double dec = OnnxParity.MaxDiff(vae.Decoder, [config.DecoderInputSize]);
        Assert.True(enc <= OnnxParity.Tolerance, $"encoder max |diff| {enc}");
        Assert.True(dec <= OnnxParity.Tolerance, $"decoder max |diff| {dec}");
    }

    [Fact]
    public void ExportWritesModelFolderFromCheckpoint()
    {
        var clips = TinyVaeData.Load(TinyVaeData.WriteFolder(Path.Combine(_dir, "data")));
        var options = new TrainingRunOptions { OutDir = Path.Combine(_dir, "run"), MaxSteps = 3, WritePreviews = false };
        TrainingRun.Execute(options, _ => Trainer(clips));
        string ckpt = new CheckpointStore(options.OutDir).LatestDirectory()!;
        string model = Path.Combine(_dir, "models", "tiny-vae");
        SoundVaeExport.Export(ckpt, model);
        var manifest = ModelManifest.Load(Path.Combine(model, ModelManifest.FileName));
        Assert.Empty(manifest.Validate());
        Assert.Equal((ModelKind.SoundVae, 4, 60, 63), (manifest.Kind, manifest.LatentSize, manifest.Conditioning!.PitchMin, manifest.Conditioning.PitchMax));
        Assert.Equal("test-v1", manifest.DatasetVersion);
        Assert.True(new FileInfo(Path.Combine(model, "encoder.onnx")).Length > 1000);
        Assert.True(new FileInfo(Path.Combine(model, "decoder.onnx")).Length > 1000);

        var e = Assert.Throws<TrainingException>(() => SoundVaeExport.Export(Path.Combine(_dir, "data"), model));
        Assert.Contains("not a GenWorld checkpoint", e.Message);
    }
}
