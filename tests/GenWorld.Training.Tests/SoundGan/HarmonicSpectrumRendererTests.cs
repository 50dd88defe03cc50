using GenWorld.Content.Audio;
using GenWorld.Core.Dsp;
using GenWorld.Training.SoundGan;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace GenWorld.Training.Tests.SoundGan;

/// <summary>The renderer against the real thing: the STFT of a synthesised harmonic tone, and YIN on its inverse.</summary>
[Collection("Torch")]
public sealed class HarmonicSpectrumRendererTests(ITestOutputHelper output)
{
    private static readonly SpectralRepresentation Representation = SpectralRepresentation.Default;
    private static readonly SoundGanConfig Config = new() { Generator = SoundGeneratorKind.Harmonic, PitchMin = 24, PitchClasses = 73, Harmonics = 64, NoiseBands = 32 };
    private static readonly float[] Amplitudes = [.. Enumerable.Range(1, 8).Select(h => 0.4f / h)];

    [Theory]
    [InlineData(48)]
    [InlineData(60)]
    [InlineData(72)]
    public void A_rendered_steady_tone_matches_the_stft_of_the_same_tone(int midi)
    {
        using var renderer = new HarmonicSpectrumRenderer(Config);
        float[] rendered = Render(renderer, midi);
        float[] real = Representation.Forward(Tone(midi));
        int frames = Representation.Frames, bins = Representation.Bins, plane = frames * bins;
        double worstLog = 0, worstPhase = 0;
        int compared = 0;
        for (int t = 4; t < frames - 4; t++)
        {
            float loudest = Enumerable.Range(0, bins).Max(k => real[t * bins + k]);
            for (int k = 0; k < bins; k++)
            {
                int i = t * bins + k;
                if (real[i] < loudest - 0.23f) continue; // within 20 dB of the frame's loudest bin (0.23 scaled units = 2.3 nepers)
                compared++;
                worstLog = Math.Max(worstLog, Math.Abs(real[i] - rendered[i]));
                double d = Math.Abs(real[plane + i] - rendered[plane + i]);
                worstPhase = Math.Max(worstPhase, Math.Min(d, 2 - d));
            }
        }
        output.WriteLine($"MIDI {midi}: {compared} loud bins; worst log-magnitude diff {worstLog:F4} (scaled units), worst IF diff {worstPhase * 180:F2}°");
        Assert.True(compared > 100, $"only {compared} bins compared");
        Assert.True(worstLog < 0.02, $"log magnitude differs by {worstLog:F4} (0.02 scaled units = 0.2 nepers)");
        Assert.True(worstPhase < 0.01, $"IF differs by {worstPhase * 180:F2}°");
    }

    [Fact]
    public void The_inverse_of_a_rendered_tone_is_that_tone_at_the_requested_pitch()
    {
        using var renderer = new HarmonicSpectrumRenderer(Config);
        foreach (int midi in new[] { 36, 48, 60, 72, 84 })
        {
            float[] wave = Representation.Inverse(Render(renderer, midi));
            float[] tone = Tone(midi);
            double? hz = PitchEstimator.Yin(wave, Representation.SampleRate);
            double cents = hz is double f ? 1200 * Math.Log2(f / HarmonicSpectrumRenderer.MidiHz(midi)) : double.NaN;
            // Away from the clip's edges the waveform itself should come back, phase included.
            double dot = 0, ww = 0, tt = 0;
            for (int n = 2048; n < tone.Length - 2048; n++) { dot += wave[n] * tone[n]; ww += wave[n] * wave[n]; tt += tone[n] * tone[n]; }
            double correlation = dot / Math.Sqrt(ww * tt);
            output.WriteLine($"MIDI {midi}: YIN {hz:F1} Hz ({cents:+0.0;-0.0} cents); correlation with the synthesised tone {correlation:F4}");
            Assert.True(Math.Abs(cents) <= 50, $"MIDI {midi}: YIN found {hz} Hz");
            Assert.True(correlation > 0.95, $"MIDI {midi}: correlation {correlation:F4}");
        }
    }

    [Fact]
    public void Noise_bands_cover_every_bin_between_dc_and_nyquist_once()
    {
        using var renderer = new HarmonicSpectrumRenderer(Config);
        int frames = Config.Frames, bins = Config.Bins;
        using var scope = NewDisposeScope();
        // Unit noise in every band, no harmonics: the triangles sum to one, so every bin's magnitude is the fixed
        // Rayleigh texture's value there.
        Tensor rep = renderer.Render(PitchOneHot(60), zeros(1, frames, Config.Harmonics), ones(1, frames, Config.NoiseBands));
        float[] data = rep.data<float>().ToArray();
        ReadOnlySpan<float> texture = renderer.NoiseTexture;
        double worst = 0;
        for (int k = 1; k < bins - 1; k++)
        {
            double magnitude = Math.Exp(data[5 * bins + k] * SpectralRepresentation.LogScale - SpectralRepresentation.LogOffset) - SpectralRepresentation.Epsilon;
            worst = Math.Max(worst, Math.Abs(magnitude / texture[5 * bins + k] - 1));
        }
        double mean = 0;
        foreach (float v in texture) mean += v / texture.Length;
        output.WriteLine($"worst deviation of band sum from 1 over bins 1..{bins - 2}: {worst:E2}; noise texture mean {mean:F3}");
        Assert.True(worst < 1e-3, $"bands do not sum to one: {worst}");
        Assert.InRange(mean, 0.98, 1.02);
    }

    private static float[] Render(HarmonicSpectrumRenderer renderer, int midi)
    {
        using var scope = NewDisposeScope();
        var amplitudes = new float[Config.Frames * Config.Harmonics];
        for (int t = 0; t < Config.Frames; t++) Amplitudes.CopyTo(amplitudes, t * Config.Harmonics);
        Tensor rep = renderer.Render(PitchOneHot(midi), tensor(amplitudes, [1, Config.Frames, Config.Harmonics]), zeros(1, Config.Frames, Config.NoiseBands));
        return rep.data<float>().ToArray();
    }

    private static Tensor PitchOneHot(int midi) => SoundGanCondition.OneHot(Config with { LabelNames = [] }, [new SoundGanCondition(midi, null)]);

    private static float[] Tone(int midi)
    {
        double f0 = HarmonicSpectrumRenderer.MidiHz(midi);
        var tone = new float[Representation.ClipLength];
        for (int n = 0; n < tone.Length; n++)
            for (int h = 1; h <= Amplitudes.Length; h++)
                if (h * f0 < Representation.SampleRate / 2.0 - 2 * Representation.SampleRate / (double)Representation.FftSize)
                    tone[n] += (float)(Amplitudes[h - 1] * Math.Cos(2 * Math.PI * h * f0 * n / Representation.SampleRate));
        return tone;
    }
}
