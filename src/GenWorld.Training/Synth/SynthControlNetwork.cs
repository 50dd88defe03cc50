using GenWorld.Training.Export;
using GenWorld.Training.Gan;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenWorld.Training.Synth;

/// <summary>
/// The network half of the full-band decoder: one vector per clip (a VAE latent with the pitch, or a GAN's noise with
/// pitch and family) → <see cref="EnvelopeNetwork"/> (the harmonic GAN's 1-D upsampling network) → per frame, <see cref="SynthConfig.Harmonics"/> partial amplitudes and
/// <see cref="SynthConfig.NoiseBands"/> noise magnitudes, made positive by DDSP's exp-sigmoid 2·σ(x)^ln10 + 1e-7 after
/// fixed offsets that start the partials near −60 dBFS and the noise some 20 dB under them. Exported to ONNX as it is; the
/// synthesiser runs after it (TorchSharp in training, C# at runtime).
/// </summary>
public sealed class SynthControlNetwork : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    private const float HarmonicOffset = -4, NoiseOffset = -5, Exponent = 2.302585f;
    private readonly Sequential _body;
    private readonly float[] _offsets;
    private readonly Tensor _offset;
    private readonly Scalar _exponent = Exponent, _two = 2, _floor = 1e-7;

    /// <summary>Builds the network for <paramref name="config"/> (weights from libtorch's current seed).</summary>
    public SynthControlNetwork(SynthConfig config) : base(nameof(SynthControlNetwork))
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Validate() is { Count: > 0 } errors) throw new ArgumentException("Invalid synth config: " + string.Join(" ", errors), nameof(config));
        Config = config;
        _body = EnvelopeNetwork.Build(config.InputSize, config.Channels, config.Frames, config.ControlsPerFrame);
        RegisterComponents();
        _offsets = [.. Enumerable.Repeat(HarmonicOffset, config.Harmonics).Concat(Enumerable.Repeat(NoiseOffset, config.NoiseBands))];
        _offset = tensor(_offsets, [1, _offsets.Length, 1]).DetachFromDisposeScope();
    }

    /// <summary>The shape this network was built for.</summary>
    public SynthConfig Config { get; }

    /// <summary>[N, InputSize] → controls [N, Harmonics + NoiseBands, Frames], all positive (linear amplitudes).</summary>
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.dim() != 2 || input.shape[1] != Config.InputSize)
            throw new ArgumentException($"control network input must be [N, {Config.InputSize}], got [{string.Join(", ", input.shape)}].", nameof(input));
        using var scope = NewDisposeScope();
        return _body.forward(input).add(_offset).sigmoid().pow(_exponent).mul(_two).add(_floor).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public IReadOnlyList<string> ExportOnnx(OnnxExportScope scope, IReadOnlyList<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(inputs);
        OnnxGraphBuilder g = scope.Graph;
        string raw = scope.Export(_body, inputs[0]);
        string shifted = g.Add(raw, g.AddConstant(_offsets, 1, _offsets.Length, 1));
        string powered = g.AddNode("Pow", [g.Sigmoid(shifted), g.AddScalar(Exponent)]);
        return [g.Add(g.Mul(powered, g.AddScalar(2)), g.AddScalar(1e-7f))];
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _body.Dispose();
            _offset.Dispose();
            _exponent.Dispose();
            _two.Dispose();
            _floor.Dispose();
        }
        base.Dispose(disposing);
    }
}
