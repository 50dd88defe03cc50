using GenWorld.Core.Synthesis;
using GenWorld.Inference.Synthesis;
using Xunit.Abstractions;

namespace GenWorld.Inference.Tests.Synthesis;

/// <summary>The runtime synthesiser against known signals: a sine it must draw exactly, noise it must shape, and block edges that must not click.</summary>
public sealed class HarmonicNoiseSynthesizerTests(ITestOutputHelper output)
{
    private const int Frames = 64, Hop = 384, Harmonics = 16, Bands = 32;

    private static SynthFile File(float[]? impulse = null) => new(48000, Hop, Frames, Harmonics, Bands, 1024, impulse ?? [1f]);

    /// <summary>Controls with partial <paramref name="partial"/> (1-based) at <paramref name="amplitude"/>, all else silent.</summary>
    private static float[] OnePartial(int partial, float amplitude, float noise = 0)
    {
        var c = new float[(Harmonics + Bands) * Frames];
        for (int t = 0; t < Frames; t++)
        {
            c[(partial - 1) * Frames + t] = amplitude;
            for (int b = 0; b < Bands; b++) c[(Harmonics + b) * Frames + t] = noise;
        }
        return c;
    }

    [Theory]
    [InlineData(1, 220.0)]
    [InlineData(3, 261.6)]
    [InlineData(7, 1000.0)]
    public void A_single_partial_is_the_exact_sine_at_its_harmonic(int partial, double f0)
    {
        var synth = new HarmonicNoiseSynthesizer(File());
        float[] audio = synth.Render(OnePartial(partial, 0.5f), f0, seed: 1);
        double worst = 0;
        for (int n = 0; n < audio.Length; n++)
            worst = Math.Max(worst, Math.Abs(audio[n] - 0.5 * Math.Sin(2 * Math.PI * partial * f0 * n / 48000)));
        output.WriteLine($"partial {partial} of {f0} Hz: worst |error| {worst:E2} over {audio.Length} samples");
        Assert.True(worst < 1e-4, $"worst error {worst}");
    }

    [Fact]
    public void Partials_at_or_above_048_of_the_rate_are_silent()
    {
        var synth = new HarmonicNoiseSynthesizer(File());
        // f0 = 2 kHz: partial 12 sits at 24 kHz (Nyquist), above the 23.04 kHz limit.
        float[] audio = synth.Render(OnePartial(12, 0.5f), 2000, seed: 1);
        Assert.All(audio, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Streamed_blocks_equal_the_whole_clip_and_add_no_clicks_at_their_edges()
    {
        // A sine and noise through a decaying impulse response, rendered whole and in 256-sample (5.3 ms) blocks.
        float[] impulse = [.. Enumerable.Range(0, 3000).Select(i => i == 0 ? 1f : (float)(0.3 * Math.Exp(-i / 400.0) * Math.Sin(i * 0.37)))];
        var synth = new HarmonicNoiseSynthesizer(File(impulse));
        float[] controls = OnePartial(2, 0.3f, noise: 0.02f);
        float[] whole = synth.Render(controls, 330, seed: 42);
        var voice = new SynthVoice(synth, controls, 330, 42, 256);
        var streamed = new float[whole.Length];
        var block = new float[256];
        for (int n = 0; n < whole.Length; n += 256)
        {
            voice.Render(block);
            block.AsSpan(0, Math.Min(256, whole.Length - n)).CopyTo(streamed.AsSpan(n));
        }
        double worst = whole.Zip(streamed, (a, b) => Math.Abs(a - b)).Max();
        double peak = whole.Max(Math.Abs);
        output.WriteLine($"stream vs whole: worst |diff| {worst:E2}, peak {peak:F3}");
        Assert.True(worst < 1e-4 * Math.Max(1, peak), $"streamed blocks differ by {worst}");
        // A click is a jump the first difference shows: at block edges it must be no larger than anywhere else.
        double edge = 0, inside = 0;
        for (int n = 1; n < streamed.Length; n++)
        {
            double jump = Math.Abs(streamed[n] - streamed[n - 1]);
            if (n % 256 == 0) edge = Math.Max(edge, jump);
            else inside = Math.Max(inside, jump);
        }
        output.WriteLine($"largest sample-to-sample step: at block edges {edge:F4}, elsewhere {inside:F4}");
        Assert.True(edge <= inside, $"block edges jump by {edge}, more than anywhere inside blocks ({inside})");
    }

    [Fact]
    public void An_impulse_through_the_convolver_returns_the_impulse_response_across_blocks()
    {
        float[] impulse = [.. Enumerable.Range(0, 700).Select(i => (float)Math.Cos(i * 0.1) / (1 + i))];
        var convolver = new PartitionedConvolver(impulse, 256);
        var input = new float[256 * 4];
        input[5] = 1;
        var result = new float[input.Length];
        for (int b = 0; b < 4; b++) convolver.Process(input.AsSpan(b * 256, 256), result.AsSpan(b * 256, 256));
        for (int i = 0; i < result.Length; i++)
        {
            float expected = i >= 5 && i - 5 < impulse.Length ? impulse[i - 5] : 0;
            Assert.True(Math.Abs(result[i] - expected) < 1e-5, $"sample {i}: {result[i]} vs {expected}");
        }
    }

    [Fact]
    public void Noise_follows_its_band_magnitudes_and_one_seed_gives_one_sound()
    {
        var synth = new HarmonicNoiseSynthesizer(File());
        float[] quiet = synth.Render(OnePartial(1, 0, noise: 0.01f), 200, seed: 3);
        float[] loud = synth.Render(OnePartial(1, 0, noise: 0.04f), 200, seed: 3);
        float[] again = synth.Render(OnePartial(1, 0, noise: 0.04f), 200, seed: 3);
        float[] other = synth.Render(OnePartial(1, 0, noise: 0.04f), 200, seed: 4);
        double Rms(float[] x) => Math.Sqrt(x.Skip(4096).Average(v => (double)v * v));
        output.WriteLine($"noise RMS at band magnitude 0.01: {Rms(quiet):E3}, at 0.04: {Rms(loud):E3}");
        Assert.InRange(Rms(loud) / Rms(quiet), 3.8, 4.2);
        Assert.Equal(loud, again);
        Assert.NotEqual(loud, other);
    }
}
