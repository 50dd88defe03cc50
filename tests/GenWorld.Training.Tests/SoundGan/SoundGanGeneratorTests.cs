using GenWorld.Inference;
using GenWorld.Inference.Generation;
using GenWorld.Inference.Models;
using GenWorld.Training.Runs;
using GenWorld.Training.SoundGan;

namespace GenWorld.Training.Tests.SoundGan;

/// <summary>The runtime side of an exported sound GAN: ModelFolder + SoundGanGenerator on a folder the exporter just wrote.</summary>
[Collection("Torch")]
public sealed class SoundGanGeneratorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gw-soundgan-rt-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task An_exported_gan_generates_finished_clips_and_names_bad_conditions()
    {
        var clips = TinySoundGanData.Load(TinySoundGanData.WriteFolder(Path.Combine(_dir, "data")));
        var result = TrainingRun.Execute(new TrainingRunOptions { OutDir = Path.Combine(_dir, "run"), MaxSteps = 2, WritePreviews = false }, _ => TinySoundGanData.Gan(clips));
        string model = Path.Combine(_dir, "tiny-gan");
        SoundGanExporter.FromCheckpoint(result.Report.Checkpoint, model);

        using var folder = ModelFolder.Open(model, new OrtSessionFactory(_ => { }), new OrtSessionSettings(DevicePreference.Cpu, IntraOpThreads: 1));
        var generator = new SoundGanGenerator(folder);
        Assert.Equal((8, 60, 63, 2048, 16000), (generator.LatentSize, generator.PitchMin, generator.PitchMax, generator.ClipLength, generator.SampleRate));
        Assert.Equal(["flute", "reed"], generator.LabelNames);
        float[] z = Core.Numerics.SeededLatent.StandardNormal(3, 8);
        float[] clip = await generator.GenerateSoundAsync(z, 61, "reed");
        Assert.Equal(2048, clip.Length);
        Assert.Equal(0.89f, clip.Max(Math.Abs), 3);
        Assert.Equal(0f, clip[0]);
        Assert.NotEqual(clip, generator.Generate(z, 61, "flute"));

        float[] input = generator.GeneratorInput(z, 61, "reed");
        Assert.Equal([0f, 1, 0, 0, 0, 1], input[8..]);
        Assert.Contains("flute, reed", Assert.Throws<ArgumentException>(() => generator.Generate(z, 61, "banjo")).Message);
        Assert.Contains("[60, 63]", Assert.Throws<ArgumentOutOfRangeException>(() => generator.Generate(z, 70, "reed")).Message);
        Assert.Contains("needs a MIDI pitch", Assert.Throws<ArgumentException>(() => generator.Generate(z, null, "reed")).Message);
        Assert.Contains("latent of 8", Assert.Throws<ArgumentException>(() => generator.Generate(new float[5], 61, "reed")).Message);
        Assert.Throws<ArgumentException>(() => new SoundDecoder(folder));
    }
}
