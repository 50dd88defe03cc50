using GenWorld.Inference.Synthesis;
using GenWorld.Training.Export;
using GenWorld.Training.Synth;
using GenWorld.Training.Tests.Export;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace GenWorld.Training.Tests.Synth;

/// <summary>
/// The full-band decoder held together across its three implementations: TorchSharp controls vs the exported ONNX
/// graph (≤ 1e-4), and the TorchSharp synthesiser vs the C# runtime synthesiser on the same controls (partials and
/// the learned impulse response exactly; the noise, drawn from different generators, by its level).
/// </summary>
[Collection("Torch")]
public sealed class SynthParityTests(ITestOutputHelper output)
{
    private static readonly SynthConfig Config = new() { Frames = 64, Harmonics = 24, NoiseBands = 16, Channels = 32, ImpulseLength = 512 };

    [Fact]
    public void The_control_decoder_matches_torch_through_onnx_runtime()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        using var decoder = new SynthDecoder(Config, 16, 24, 73, 0);
        decoder.eval();
        byte[] model = OnnxExporter.Export(decoder, SynthVaeExport.DecoderSpec(decoder)).ToBytes();
        Tensor input = cat([randn(3, 16), nn.functional.one_hot(tensor(new long[] { 0, 36, 72 }), 73).to_type(ScalarType.Float32)], 1);
        Tensor expected;
        using (no_grad()) expected = decoder.forward(input);
        var (data, shape) = OrtRun.Run(model, ("latent", input))[0];
        Assert.Equal([3L, Config.ControlsPerFrame, Config.Frames], shape);
        double diff = OnnxParity.Compare(expected, data, shape);
        output.WriteLine($"PARITY synth control decoder (N=3): max |diff| = {diff:E2}; controls min {expected.min().item<float>():E2}");
        Assert.True(diff <= 1e-4, $"max |diff| {diff:E3}");
    }

    [Fact]
    public void Torch_and_the_runtime_synthesiser_render_the_same_partials_through_the_same_impulse_response()
    {
        using var scope = NewDisposeScope();
        manual_seed(9);
        using var decoder = new SynthDecoder(Config, 16, 24, 73, 0);
        // Random positive partial envelopes, noise off (the two noise generators differ by design).
        Tensor controls = rand(1, Config.ControlsPerFrame, Config.Frames).mul(0.05);
        controls[.., Config.Harmonics..] = zeros(1, Config.NoiseBands, Config.Frames);
        int pitch = 45;
        float[] torchAudio;
        using (no_grad()) torchAudio = decoder.Render(controls, [pitch], 0, Config.ClipLength).contiguous().data<float>().ToArray();
        var runtime = new HarmonicNoiseSynthesizer(SynthVaeExport.SynthParameters(decoder));
        float[] csharp = runtime.Render(controls.contiguous().data<float>().ToArray(), 440 * Math.Pow(2, (pitch - 69) / 12.0), seed: 1);
        double worst = torchAudio.Zip(csharp, (a, b) => Math.Abs(a - b)).Max(), peak = torchAudio.Max(Math.Abs);
        output.WriteLine($"PARITY synthesiser torch vs C#: worst |diff| {worst:E2} at peak {peak:F3} over {csharp.Length} samples");
        Assert.True(worst < 1e-3 * peak, $"worst |diff| {worst} (peak {peak})");
    }

    [Fact]
    public void Torch_and_the_runtime_noise_have_the_same_level_for_the_same_band_magnitudes()
    {
        using var scope = NewDisposeScope();
        manual_seed(11);
        using var decoder = new SynthDecoder(Config with { Harmonics = 0 }, 16, 0, 0, 0);
        Tensor controls = full(1, Config.NoiseBands, Config.Frames, 0.02f);
        float[] torchAudio;
        using (no_grad()) torchAudio = decoder.Render(controls, null, 0, Config.ClipLength).contiguous().data<float>().ToArray();
        var runtime = new HarmonicNoiseSynthesizer(SynthVaeExport.SynthParameters(decoder));
        float[] csharp = runtime.Render(controls.contiguous().data<float>().ToArray(), null, seed: 1);
        double Rms(float[] x) => Math.Sqrt(x.Skip(4096).Average(v => (double)v * v));
        output.WriteLine($"noise RMS torch {Rms(torchAudio):E3}, C# {Rms(csharp):E3}");
        Assert.InRange(Rms(csharp) / Rms(torchAudio), 0.9, 1.1);
    }

    [Fact]
    public void Spectral_training_lowers_the_loss_on_a_real_tone()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        using var decoder = new SynthDecoder(Config, 4, 60, 1, 0);
        using var loss = new MultiResolutionStftLoss();
        var adam = optim.Adam(decoder.parameters(), lr: 3e-3);
        // Target: a decaying 262 Hz tone with three partials, the kind of note the decoder exists for.
        float[] wave = [.. Enumerable.Range(0, Config.ClipLength).Select(n => (float)(Math.Exp(-n / 9000.0) * (0.3 * Math.Sin(2 * Math.PI * 261.63 * n / 48000) + 0.1 * Math.Sin(2 * Math.PI * 523.25 * n / 48000) + 0.05 * Math.Sin(2 * Math.PI * 784.9 * n / 48000))))];
        Tensor target = tensor(wave, [1, wave.Length]);
        Tensor input = cat([zeros(1, 4), ones(1, 1)], 1);
        double first = 0, last = 0;
        for (int step = 0; step < 20; step++)
        {
            using var stepScope = NewDisposeScope();
            Tensor l = loss.Compute(decoder.Render(decoder.forward(input), [60], 0, Config.ClipLength), target);
            adam.zero_grad();
            l.backward();
            adam.step();
            if (step == 0) first = l.item<float>();
            last = l.item<float>();
        }
        output.WriteLine($"multi-resolution STFT loss {first:F3} → {last:F3} in 20 steps");
        Assert.True(last < 0.8 * first, $"loss went {first} → {last}");
    }
}
