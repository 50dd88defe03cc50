using GenWorld.Core.Synthesis;
using GenWorld.Inference.Generation;

namespace GenWorld.Inference.Tests.Synthesis;

/// <summary>
/// The full-band models' level convention: a model trained on clips scaled to a peak (synth.json inputPeak) must
/// encode a quiet and a loud recording of one sound alike; a model exported before the field reads clips as they are.
/// </summary>
public sealed class SynthModelAudioLevelTests
{
    private static SynthFile File(float inputPeak) => new(48000, 384, 16, 8, 16, 1024, [1f]) { InputPeak = inputPeak };

    private static float[] Tone(float amplitude) =>
        [.. Enumerable.Range(0, 384 * 16).Select(n => (float)(amplitude * Math.Sin(2 * Math.PI * 440 * n / 48000) * Math.Exp(-n / 3000.0)))];

    [Fact]
    public void With_an_input_peak_the_encoder_reads_a_quiet_and_a_loud_take_alike()
    {
        var audio = new SynthModelAudio(File(0.5f));
        float[] quiet = audio.EncoderInput(Tone(0.003f)), loud = audio.EncoderInput(Tone(0.9f));
        double worst = quiet.Zip(loud, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(worst < 1e-3, $"encoder inputs differ by up to {worst}");
    }

    [Fact]
    public void Without_one_the_clip_is_read_at_its_level_and_the_caller_s_array_is_left_alone()
    {
        float[] quietClip = Tone(0.003f);
        float[] before = (float[])quietClip.Clone();
        var legacy = new SynthModelAudio(File(0f));
        float[] quiet = legacy.EncoderInput(quietClip), loud = legacy.EncoderInput(Tone(0.9f));
        Assert.True(loud.Zip(quiet, (a, b) => a - b).Max() > 1, "a 49 dB louder take must read louder");
        new SynthModelAudio(File(0.5f)).EncoderInput(quietClip);
        Assert.Equal(before, quietClip);
    }

    [Fact]
    public void The_input_peak_survives_a_save_and_load_and_a_value_above_full_scale_is_refused()
    {
        string path = Path.Combine(Path.GetTempPath(), $"synth-{Guid.NewGuid():N}.json");
        try
        {
            File(0.5f).Save(path);
            Assert.Equal(0.5f, SynthFile.Load(path).InputPeak);
            Assert.Contains(File(2f).Validate(), e => e.StartsWith("inputPeak", StringComparison.Ordinal));
        }
        finally { System.IO.File.Delete(path); }
    }
}
