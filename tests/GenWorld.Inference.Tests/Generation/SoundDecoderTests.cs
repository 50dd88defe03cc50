using GenWorld.Inference.Finishing;
using GenWorld.Inference.Generation;
using GenWorld.Inference.Models;

namespace GenWorld.Inference.Tests.Generation;

/// <summary>Runs the 16 kHz models/notes-vae-16k decoder (trained on the real notes dataset) and its one-iSTFT inversion: old models still load and play.</summary>
[Collection(OnnxRuntimeCollection.Name)]
public sealed class SoundDecoderTests : IDisposable
{
    private readonly ModelFolder _model = ModelFolder.Open(RepoPaths.Model("notes-vae-16k"), new OrtSessionFactory(_ => { }));

    public void Dispose() => _model.Dispose();

    [Fact]
    public void A_decoded_note_is_finished_at_48k_loudness_normalised_with_faded_ends()
    {
        var decoder = new SoundDecoder(_model);
        float[] clip = decoder.Decode(new float[decoder.LatentSize], midiPitch: 60);

        Assert.Equal(48000, decoder.SampleRate);
        Assert.Equal(3 * decoder.ClipLength, clip.Length);
        Assert.All(clip, v => Assert.True(float.IsFinite(v)));
        // The target (-18 LUFS) or the -1 dBFS ceiling, whichever is lower: one of them is met exactly.
        double loudness = LoudnessMeter.Integrated(clip, 48000);
        float peak = clip.Max(Math.Abs);
        Assert.True(Math.Abs(loudness + 18) < 0.05 || Math.Abs(peak - 0.8913f) < 1e-3f, $"{loudness:F2} LUFS, peak {peak}");
        Assert.True(loudness <= -17.95 && peak <= 0.8914f);
        Assert.Equal(0f, clip[0]);
        Assert.Equal(0f, clip[^1]);
        Assert.InRange(clip.Average(v => (double)v), -1e-3, 1e-3); // DC removed
    }

    [Fact]
    public void The_strongest_partial_follows_the_requested_pitch_two_octaves_up()
    {
        var decoder = new SoundDecoder(_model, new SoundFinishing(OutputRate: 16000)); // the model rate: finer DFT bins
        var z = new float[decoder.LatentSize];
        double c4 = StrongestPartial(decoder.Decode(z, 60), decoder.SampleRate);
        double c6 = StrongestPartial(decoder.Decode(z, 84), decoder.SampleRate);
        // Two octaves is a ratio of 4; a semitone either way is about 6%.
        Assert.InRange(c6 / c4, 4 / 1.06, 4 * 1.06);
    }

    [Fact]
    public void Bad_input_is_refused_with_the_reason()
    {
        var decoder = new SoundDecoder(_model);
        Assert.Throws<ArgumentException>(() => decoder.Decode(new float[3], 60));
        var nan = new float[decoder.LatentSize];
        nan[2] = float.PositiveInfinity;
        var e = Assert.Throws<ArgumentException>(() => decoder.Decode(nan, 60));
        Assert.Contains("latent[2]", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => decoder.Decode(new float[decoder.LatentSize], 120));
        Assert.Throws<ArgumentException>(() => decoder.Decode(new float[decoder.LatentSize], null));
    }

    /// <summary>Frequency of the strongest DFT bin between 40 Hz and 2.5 kHz over the middle 4096 samples (a plain DFT, independent of the code under test).</summary>
    private static double StrongestPartial(float[] clip, int rate)
    {
        const int n = 4096;
        int start = (clip.Length - n) / 2;
        (double magnitude, int bin) best = (0, 0);
        for (int k = 40 * n / rate; k < 2500 * n / rate; k++)
        {
            double re = 0, im = 0;
            for (int t = 0; t < n; t++)
            {
                double a = -2 * Math.PI * k * t / n;
                re += clip[start + t] * Math.Cos(a);
                im += clip[start + t] * Math.Sin(a);
            }
            double magnitude = (re * re) + (im * im);
            if (magnitude > best.magnitude) best = (magnitude, k);
        }
        return best.bin * rate / (double)n;
    }
}
