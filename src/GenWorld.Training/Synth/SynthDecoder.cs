using GenWorld.Training.Export;
using static TorchSharp.torch;

namespace GenWorld.Training.Synth;

/// <summary>
/// The full-band decoder shared by the sound VAE and the conditional sound GAN: [latent | pitch one-hot | label one-hot]
/// → the pitch position (MIDI − 60)/24 appended (so timbre can vary smoothly across pitches the one-hot alone would
/// treat as unrelated) → <see cref="SynthControlNetwork"/> → controls [N, Harmonics + NoiseBands, Frames]. The
/// <see cref="HarmonicNoiseSynth"/> that renders them is held beside it (its impulse response is learned too).
/// </summary>
public sealed class SynthDecoder : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    private readonly SynthControlNetwork _controls;
    private readonly HarmonicNoiseSynth _synth;
    private readonly float[] _positions;
    private readonly Tensor _position;

    /// <summary>A decoder reading <paramref name="latentSize"/> + pitch classes + labels values.</summary>
    public SynthDecoder(SynthConfig synth, int latentSize, int pitchMin, int pitchClasses, int labels) : base(nameof(SynthDecoder))
    {
        LatentSize = latentSize;
        PitchMin = pitchMin;
        PitchClasses = pitchClasses;
        Labels = labels;
        Synth = synth with { InputSize = latentSize + pitchClasses + labels + (pitchClasses > 0 ? 1 : 0) };
        _controls = new SynthControlNetwork(Synth);
        _synth = new HarmonicNoiseSynth(Synth);
        RegisterComponents();
        _positions = [.. Enumerable.Range(pitchMin, pitchClasses).Select(p => (p - 60) / 24f)];
        _position = pitchClasses > 0 ? tensor(_positions, [pitchClasses, 1]).DetachFromDisposeScope() : zeros(0);
    }

    /// <summary>The synth shape (InputSize resolved).</summary>
    public SynthConfig Synth { get; }

    /// <summary>Latent width.</summary>
    public int LatentSize { get; }

    /// <summary>Lowest MIDI pitch of the one-hot.</summary>
    public int PitchMin { get; }

    /// <summary>Pitch classes (0: unpitched).</summary>
    public int PitchClasses { get; }

    /// <summary>Label classes of a conditional GAN (0 for the VAE).</summary>
    public int Labels { get; }

    /// <summary>Width of the input vector.</summary>
    public int InputSize => LatentSize + PitchClasses + Labels;

    /// <summary>The renderer with its learned impulse response.</summary>
    public HarmonicNoiseSynth Renderer => _synth;

    /// <summary>[N, InputSize] → controls [N, Harmonics + NoiseBands, Frames].</summary>
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (PitchClasses == 0) return _controls.forward(input);
        using var scope = NewDisposeScope();
        Tensor pitch = input[.., LatentSize..(LatentSize + PitchClasses)];
        return _controls.forward(cat([input, pitch.matmul(_position)], 1)).MoveToOuterDisposeScope();
    }

    /// <summary>Audio [N, length] of the window [start, start + length) from controls and MIDI pitches.</summary>
    public Tensor Render(Tensor controls, int[]? pitches, int start, int length, Tensor? noise = null)
    {
        ArgumentNullException.ThrowIfNull(controls);
        int h = Synth.Harmonics;
        Tensor? harmonics = h > 0 ? controls[.., ..h] : null;
        double[]? f0 = pitches?.Select(p => 440.0 * Math.Pow(2, (p - 69) / 12.0)).ToArray();
        return _synth.Render(harmonics, controls[.., h..], f0, start, length, noise);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> ExportOnnx(OnnxExportScope scope, IReadOnlyList<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(inputs);
        if (PitchClasses == 0) return [scope.Export(_controls, inputs[0])];
        OnnxGraphBuilder g = scope.Graph;
        string pitch = g.Slice(inputs[0], 1, LatentSize, LatentSize + PitchClasses);
        string position = g.MatMul(pitch, g.AddConstant(_positions, PitchClasses, 1));
        return [scope.Export(_controls, g.Concat(1, inputs[0], position))];
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _controls.Dispose();
            _synth.Dispose();
            _position.Dispose();
        }
        base.Dispose(disposing);
    }
}
