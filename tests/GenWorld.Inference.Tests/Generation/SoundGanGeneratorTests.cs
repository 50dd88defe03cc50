using GenWorld.Core.Audio;
using GenWorld.Inference.Generation;
using GenWorld.Inference.Models;

namespace GenWorld.Inference.Tests.Generation;

/// <summary>Runs the shipped models/notes-gan generator (trained on the real notes dataset) through ONNX Runtime and its synthesiser.</summary>
[Collection(OnnxRuntimeCollection.Name)]
public sealed class SoundGanGeneratorTests : IDisposable
{
    private readonly ModelFolder _model = ModelFolder.Open(RepoPaths.Model("notes-gan"), new OrtSessionFactory(_ => { }), new OrtSessionSettings(DevicePreference.Cpu, IntraOpThreads: 1));

    public void Dispose() => _model.Dispose();

    [Theory]
    [InlineData("notes-gan", 98304, 48000)] // the shipped full-band synthesis generator
    [InlineData("notes-gan-16k", 16384, 16000)] // the 16 kHz spectrogram generator it replaced still loads and plays
    public async Task A_generated_note_is_a_finished_clip_and_the_condition_changes_it(string name, int clipLength, int modelRate)
    {
        using ModelFolder model = ModelFolder.Open(RepoPaths.Model(name), new OrtSessionFactory(_ => { }), new OrtSessionSettings(DevicePreference.Cpu, IntraOpThreads: 1));
        var generator = new SoundGanGenerator(model);
        Assert.Equal((64, 24, 96, clipLength, modelRate), (generator.LatentSize, generator.PitchMin, generator.PitchMax, generator.ClipLength, generator.ModelRate));
        Assert.Equal(16, generator.LabelNames.Count);
        Assert.Contains("piano", generator.LabelNames);
        float[] z = Core.Numerics.SeededLatent.StandardNormal(3, 64);
        float[] clip = await generator.GenerateSoundAsync(z, 60, "piano");
        Assert.Equal(generator.OutputLength, clip.Length);
        Assert.Equal(clipLength * (48000 / modelRate), clip.Length); // finished at the default 48 kHz
        Assert.All(clip, v => Assert.True(float.IsFinite(v)));
        Assert.True(clip.Max(Math.Abs) <= generator.Finisher.Options.PeakCeiling + 1e-6f); // loudness-normalised under the ceiling
        Assert.Equal(0f, clip[0]);
        Assert.InRange(clip.Average(v => (double)v), -1e-3, 1e-3);
        Assert.Equal(clip, generator.Generate(z, 60, "piano")); // deterministic
        Assert.NotEqual(clip, generator.Generate(z, 72, "piano"));
        Assert.NotEqual(clip, generator.Generate(z, 60, "strings"));
    }

    [Fact]
    public void Shipped_notes_are_at_the_pitch_asked_for()
    {
        var generator = new SoundGanGenerator(_model);
        int hits = 0, tried = 0;
        var misses = new List<string>();
        foreach (string family in new[] { "piano", "strings", "brass" })
        {
            foreach (int midi in new[] { 48, 60, 72 })
            {
                float[] z = Core.Numerics.SeededLatent.StandardNormal(midi * 31 + family.Length, 64);
                float[] clip = generator.Generate(z, midi, family);
                double? hz = Content.Audio.PitchEstimator.Yin(clip, generator.SampleRate);
                bool hit = PitchCheck.Within(hz, midi);
                hits += hit ? 1 : 0;
                tried++;
                if (!hit) misses.Add($"{family} {midi}: {(hz is double f ? $"{f:F1} Hz" : "no estimate")}");
            }
        }
        // The issue's bar: at least 95 % of what YIN scores on real held-out notes (76.9 %, `evaluate sound`), i.e. 7 of 9.
        Assert.True(hits >= 7, $"{hits} of {tried} generated notes within 50 cents of the requested pitch; missed: {string.Join("; ", misses)}");
    }

    [Fact]
    public void The_input_is_latent_then_pitch_then_family_and_bad_conditions_are_named()
    {
        var generator = new SoundGanGenerator(_model);
        float[] z = new float[64];
        float[] input = generator.GeneratorInput(z, 25, generator.LabelNames[2]);
        Assert.Equal(64 + 73 + 16, input.Length);
        Assert.Equal([64 + 1, 64 + 73 + 2], input.Select((v, i) => (v, i)).Where(p => p.v == 1).Select(p => p.i));
        Assert.Contains("piano", Assert.Throws<ArgumentException>(() => generator.Generate(z, 60, "banjo")).Message);
        Assert.Contains("[24, 96]", Assert.Throws<ArgumentOutOfRangeException>(() => generator.Generate(z, 100, "piano")).Message);
        Assert.Contains("needs a MIDI pitch", Assert.Throws<ArgumentException>(() => generator.Generate(z, null, "piano")).Message);
        Assert.Contains("latent of 64", Assert.Throws<ArgumentException>(() => generator.Generate(new float[5], 60, "piano")).Message);
        z[3] = float.NaN;
        Assert.Contains("latent[3]", Assert.Throws<ArgumentException>(() => generator.Generate(z, 60, "piano")).Message);
        Assert.Throws<ArgumentException>(() => new SoundDecoder(_model));
    }
}
