using GenWorld.Core.Dsp;
using GenWorld.Inference.Synthesis;
using GenWorld.Training.Synth;
using static TorchSharp.torch;

namespace GenWorld.Training.Tests.Synth;

/// <summary>
/// The full-band synthesiser cannot make the sub-bass rumble that gave every generated clip away: the noise path has no
/// DC bin and the learned impulse response has no gain at 0 Hz, in training, in the exported synth.json and in the
/// C# runtime alike.
/// </summary>
[Collection("Torch")]
public sealed class NoGainAtZeroHertzTests
{
    private static readonly SynthConfig Config = new() { Frames = 32, Harmonics = 0, NoiseBands = 128, Channels = 16, ImpulseLength = 256 };

    [Fact]
    public void No_noise_band_reaches_the_DC_bin_and_every_other_bin_is_fully_covered()
    {
        const int bands = 128, fft = 1024, bins = fft / 2 + 1;
        float[] w = NoiseBandLayout.Weights(bands, fft, 48000);
        for (int k = 0; k < bins; k++)
        {
            double sum = Enumerable.Range(0, bands).Sum(b => w[b * bins + k]);
            Assert.True(k == 0 ? sum == 0 : Math.Abs(sum - 1) < 1e-6, $"bin {k}: weights sum to {sum}");
        }
    }

    [Fact]
    public void The_lowest_band_alone_is_silent_in_torch_and_in_the_runtime()
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        using var decoder = new SynthDecoder(Config, 8, 0, 0, 0);
        // Only band 0 is loud: with 128 bands (sfx-vae's) it is centred on 0 Hz and weighs nothing but the DC bin, which it
        // filled in every noise frame before.
        Tensor controls = zeros(1, Config.NoiseBands, Config.Frames);
        controls[.., 0, ..] = full(1, Config.Frames, 0.5f);
        float[] torchAudio;
        using (no_grad()) torchAudio = decoder.Render(controls, null, 0, Config.ClipLength).contiguous().data<float>().ToArray();
        float[] runtime = new HarmonicNoiseSynthesizer(SynthVaeExport.SynthParameters(decoder))
            .Render(controls.contiguous().data<float>().ToArray(), null, seed: 1);
        Assert.True(torchAudio.Max(Math.Abs) < 1e-6, $"torch peak {torchAudio.Max(Math.Abs)}");
        Assert.True(runtime.Max(Math.Abs) < 1e-6, $"runtime peak {runtime.Max(Math.Abs)}");
    }

    [Fact]
    public void An_impulse_response_pushed_towards_DC_is_played_and_exported_with_zero_gain_there()
    {
        using var scope = NewDisposeScope();
        using var decoder = new SynthDecoder(Config, 8, 0, 0, 0);
        using (no_grad()) decoder.Renderer.Impulse.add_(0.05f); // what the loss let the learned response drift to
        float[] exported = SynthVaeExport.SynthParameters(decoder).Impulse;
        double gainAtDc = Math.Abs(exported.Sum(v => (double)v)), scale = exported.Sum(v => Math.Abs((double)v));
        Assert.True(gainAtDc < 1e-4 * scale, $"exported response sums to {gainAtDc} (Σ|h| {scale})");
        // What torch convolves with is exactly what the runtime is given.
        float[] raw = decoder.Renderer.Impulse.detach().data<float>().ToArray();
        Assert.True(Math.Abs(raw.Sum()) > 10, "the test must push the raw parameter towards DC");
        using Tensor effective = decoder.Renderer.EffectiveImpulse();
        Assert.Equal(exported, effective.detach().data<float>().ToArray());
    }
}
