using GenWorld.Training.Export;
using GenWorld.Training.Gan;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenWorld.Training.SoundGan;

/// <summary>
/// Harmonic-plus-noise conditional generator. A 1-D network over time,
/// [z | pitch one-hot | label one-hot | pitch position] → Linear → (C × Frames/8) → three stages of ×2 nearest
/// upsampling and two 3-wide convolutions (PixelNorm + SiLU after each) → per frame, log amplitudes of
/// <see cref="SoundGanConfig.Harmonics"/> harmonics and <see cref="SoundGanConfig.NoiseBands"/> noise bands →
/// <see cref="HarmonicSpectrumRenderer"/> → the log-magnitude + IF representation.
/// Why: on this CPU budget (an hour, ~10k steps) the free-form <see cref="SpectrogramSoundGenerator"/> learned
/// spectrograms that fool its discriminator's pitch classifier yet carry no pitch YIN can hear (1 % within 50
/// cents). Here the network chooses how loud each partial and noise band is, frame by frame (timbre, attack,
/// decay, breath), and the renderer puts the partials at the requested pitch with coherent phase.
/// The pitch position, (MIDI − 60) / 24 as one extra input, lets timbre vary smoothly across pitches the one-hot
/// alone would treat as unrelated.
/// </summary>
public sealed class HarmonicSoundGenerator : SoundGenerator
{
    // Where the log amplitudes start: partials at about −50 dBFS, noise bands some 35 dB under them (a quiet floor,
    // as in the real notes; starting loud, the first minutes went into pulling the floor down).
    private const float HarmonicOffset = -6, NoiseOffset = -10, LogAmplitudeMin = -25, LogAmplitudeMax = 2;

    private readonly Sequential _body;
    private readonly HarmonicSpectrumRenderer _renderer;
    private readonly float[] _pitchPositions, _offsets;
    private readonly Tensor _pitchPosition, _offset;
    // Held for the module's lifetime: see the Scalar note on SoundGan.
    private readonly Scalar _min = LogAmplitudeMin, _max = LogAmplitudeMax;

    /// <summary>Builds the generator for <paramref name="config"/> (weights from libtorch's current seed).</summary>
    public HarmonicSoundGenerator(SoundGanConfig config) : base(nameof(HarmonicSoundGenerator), config)
    {
        if (config.PitchClasses == 0) throw new ArgumentException("The harmonic generator needs pitch conditioning (PitchClasses > 0).", nameof(config));
        _body = EnvelopeNetwork.Build(config.GeneratorInputSize + 1, config.GeneratorChannels, config.Frames, config.Harmonics + config.NoiseBands);
        RegisterComponents();
        // Not registered (constants, rebuilt from the config; kept out of checkpoints and the EMA).
        _renderer = new HarmonicSpectrumRenderer(config);
        _pitchPositions = [.. Enumerable.Range(config.PitchMin, config.PitchClasses).Select(p => (p - 60) / 24f)];
        _pitchPosition = tensor(_pitchPositions, [config.PitchClasses, 1]).DetachFromDisposeScope();
        _offsets = [.. Enumerable.Repeat(HarmonicOffset, config.Harmonics).Concat(Enumerable.Repeat(NoiseOffset, config.NoiseBands))];
        _offset = tensor(_offsets, [1, _offsets.Length, 1]).DetachFromDisposeScope();
    }

    /// <summary>The fixed renderer behind the network.</summary>
    public HarmonicSpectrumRenderer Renderer => _renderer;

    /// <inheritdoc />
    protected override Tensor Generate(Tensor input)
    {
        using var scope = NewDisposeScope();
        Tensor pitch = input[.., Config.LatentSize..(Config.LatentSize + Config.PitchClasses)];
        Tensor amplitudes = _body.forward(cat([input, pitch.matmul(_pitchPosition)], 1)).add(_offset).clamp(_min, _max).exp();
        Tensor harmonics = amplitudes[.., ..Config.Harmonics].transpose(1, 2);
        Tensor noise = amplitudes[.., Config.Harmonics..].transpose(1, 2);
        // Training draws a fresh noise roughness per clip (see RandomNoiseTexture); inference and export use the fixed one.
        Tensor? texture = training ? _renderer.RandomNoiseTexture(input.shape[0]) : null;
        return _renderer.Render(pitch, harmonics, noise, texture).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> ExportOnnx(OnnxExportScope scope, IReadOnlyList<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(inputs);
        OnnxGraphBuilder g = scope.Graph;
        string input = inputs[0];
        string pitch = g.Slice(input, 1, Config.LatentSize, Config.LatentSize + Config.PitchClasses);
        string position = g.MatMul(pitch, g.AddConstant(_pitchPositions, Config.PitchClasses, 1));
        string logAmplitudes = scope.Export(_body, g.Concat(1, input, position));
        string clipped = g.AddNode("Clip", [g.Add(logAmplitudes, g.AddConstant(_offsets, 1, _offsets.Length, 1)), g.AddScalar(LogAmplitudeMin), g.AddScalar(LogAmplitudeMax)]);
        string[] parts = g.Split(g.Exp(clipped), 1, Config.Harmonics, Config.NoiseBands);
        return [_renderer.Export(g, pitch, g.Transpose(parts[0], 0, 2, 1), g.Transpose(parts[1], 0, 2, 1))];
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _body.Dispose();
            _renderer.Dispose();
            _pitchPosition.Dispose();
            _offset.Dispose();
            _min.Dispose();
            _max.Dispose();
        }
        base.Dispose(disposing);
    }
}
