using GenWorld.Content.Datasets;
using GenWorld.Core.Dsp;
using GenWorld.Inference.Synthesis;
using GenWorld.Training.Data;
using GenWorld.Training.Synth;
using static TorchSharp.torch;

namespace GenWorld.Training.Tests.Synth;

/// <summary>
/// A model whose sources end at 22.05 kHz (44.1 kHz files) makes nothing above it: the noise path's bins above the band
/// limit are empty in training and in the C# runtime, the limit travels through the checkpoint config and synth.json,
/// and the trainer takes it from the clips' source rates.
/// </summary>
[Collection("Torch")]
public sealed class BandLimitTests
{
    private static readonly SynthConfig Config = new() { Frames = 32, Harmonics = 0, NoiseBands = 128, Channels = 16, ImpulseLength = 256, BandLimitHz = 22050 };

    [Fact]
    public void Bins_above_the_limit_get_no_band_and_the_rest_are_as_without_it()
    {
        const int bands = 128, fft = 1024, bins = fft / 2 + 1;
        float[] open = NoiseBandLayout.Weights(bands, fft, 48000), limited = NoiseBandLayout.Weights(bands, fft, 48000, 22050);
        for (int k = 0; k < bins; k++)
            for (int b = 0; b < bands; b++)
                Assert.Equal(k * 48000.0 / fft > 22050 ? 0 : open[b * bins + k], limited[b * bins + k]);
        Assert.Contains(open.Skip((bands - 1) * bins).Select((w, k) => (w, k)), x => x.w > 0 && x.k * 48000.0 / fft > 22050);
    }

    [Fact]
    public void Full_noise_stops_at_the_limit_in_torch_and_in_the_runtime_and_the_limit_is_exported()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        using var decoder = new SynthDecoder(Config, 8, 0, 0, 0);
        Tensor controls = full(1, Config.NoiseBands, Config.Frames, 0.5f); // every band loud, the top one included
        float[] torchAudio;
        using (no_grad()) torchAudio = decoder.Render(controls, null, 0, Config.ClipLength).contiguous().data<float>().ToArray();
        var file = SynthVaeExport.SynthParameters(decoder);
        Assert.Equal(22050, file.BandLimitHz);
        float[] runtime = new HarmonicNoiseSynthesizer(file).Render(controls.contiguous().data<float>().ToArray(), null, seed: 1);
        foreach ((string where, float[] audio) in new[] { ("torch", torchAudio), ("runtime", runtime) })
        {
            (double below, double above) = Energy(audio, 48000, 22300);
            Assert.True(below > 0, $"{where}: silent");
            Assert.True(above < 1e-4 * below, $"{where}: {above / below:E2} of the energy above 22.3 kHz");
        }
        Assert.Equal(22050, SynthConfig.FromConfig(Config.ToConfig()).BandLimitHz);
        Assert.Equal(0, SynthConfig.FromConfig(new SynthConfig().ToConfig().Where(kv => kv.Key != "synth.bandLimitHz").ToDictionary()).BandLimitHz);
    }

    [Fact]
    public void The_limit_is_the_Nyquist_of_the_sources_most_clips_come_from_when_below_the_models()
    {
        static ClipItem Clip(int? sourceRate) => new("c", [0f], 48000, sourceRate is int r ? new Dictionary<string, string> { [BandwidthLabels.SourceRate] = r.ToString(System.Globalization.CultureInfo.InvariantCulture) } : []);
        ClipItem[] sfx = [.. Enumerable.Repeat(Clip(44100), 9), Clip(48000), Clip(96000)];
        Assert.Equal(22050, SynthBandLimit.Choose(sfx, 48000));
        Assert.Equal(0, SynthBandLimit.Choose([.. Enumerable.Repeat(Clip(48000), 5)], 48000)); // notes rendered at 48 kHz
        Assert.Equal(0, SynthBandLimit.Choose([Clip(44100), Clip(48000), Clip(96000), Clip(48000)], 48000)); // no majority below
        Assert.Equal(0, SynthBandLimit.Choose([Clip(null), Clip(null)], 48000)); // a folder with no source rates
        Assert.Equal(0, SynthBandLimit.Choose([], 48000));
    }

    /// <summary>Energy below and above <paramref name="splitHz"/> (one FFT of the whole clip, Hann window).</summary>
    private static (double Below, double Above) Energy(float[] audio, int rate, double splitHz)
    {
        int n = 1;
        while (n < audio.Length) n *= 2;
        var re = new double[n];
        var im = new double[n];
        for (int i = 0; i < audio.Length; i++) re[i] = audio[i] * (0.5 - 0.5 * Math.Cos(2 * Math.PI * i / audio.Length));
        Fft.Transform(re, im);
        double below = 0, above = 0;
        for (int k = 1; k <= n / 2; k++)
        {
            double p = re[k] * re[k] + im[k] * im[k];
            if ((double)k * rate / n > splitHz) above += p; else below += p;
        }
        return (below, above);
    }
}
