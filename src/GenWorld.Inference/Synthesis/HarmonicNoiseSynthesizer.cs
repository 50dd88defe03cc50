using GenWorld.Core.Dsp;
using GenWorld.Core.Synthesis;

namespace GenWorld.Inference.Synthesis;

/// <summary>
/// The C# runtime of the full-band decoder's synthesiser (the same equations as the trainer's TorchSharp
/// HarmonicNoiseSynth): partials at k·f0 with amplitudes linear between control frames (partials at or above
/// 0.48·rate silent), Gaussian noise shaped per bin from mel-spaced band magnitudes (Hann overlap-add, hop = FFT/4,
/// divided by its overlap gain), both through the learned impulse response. Immutable and thread-safe; each sound is
/// rendered by a <see cref="SynthVoice"/>, whole (<see cref="Render"/>) or block by block for streaming.
/// </summary>
public sealed class HarmonicNoiseSynthesizer
{
    /// <summary>Block size of whole-clip rendering (the impulse response's partitions are this long).</summary>
    public const int WholeClipBlock = 2048;

    private readonly int[] _binBand;
    private readonly float[] _binLow, _binHigh;

    /// <summary>A synthesiser for the shape and impulse response in <paramref name="file"/>.</summary>
    public HarmonicNoiseSynthesizer(SynthFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Validate() is { Count: > 0 } errors) throw new ArgumentException("synth.json: " + string.Join(" ", errors), nameof(file));
        File = file;
        int bins = file.NoiseFftSize / 2 + 1;
        // Each bin reads at most two neighbouring bands: keep (first band, its weight, the next band's weight).
        float[] weights = NoiseBandLayout.Weights(file.NoiseBands, file.NoiseFftSize, file.SampleRate);
        _binBand = new int[bins];
        _binLow = new float[bins];
        _binHigh = new float[bins];
        for (int k = 0; k < bins; k++)
        {
            int first = Enumerable.Range(0, file.NoiseBands).First(b => weights[b * bins + k] != 0 || b == file.NoiseBands - 1);
            _binBand[k] = Math.Min(first, Math.Max(0, file.NoiseBands - 2));
            _binLow[k] = weights[_binBand[k] * bins + k];
            _binHigh[k] = file.NoiseBands > 1 ? weights[(_binBand[k] + 1) * bins + k] : 0;
        }
        Window = NoiseBandLayout.Window(file.NoiseFftSize);
        NoiseFft = new RealFft(file.NoiseFftSize);
    }

    /// <summary>Shape and impulse response.</summary>
    public SynthFile File { get; }

    internal float[] Window { get; }

    internal RealFft NoiseFft { get; }

    /// <summary>Samples per clip.</summary>
    public int ClipLength => File.ClipLength;

    /// <summary>Values of one clip's controls ([Harmonics + NoiseBands] × Frames, frame-minor).</summary>
    public int ControlsSize => File.ControlsPerFrame * File.Frames;

    /// <summary>The whole clip for <paramref name="controls"/> at <paramref name="f0"/> Hz (null: no partials), noise keyed by <paramref name="seed"/>.</summary>
    public float[] Render(ReadOnlySpan<float> controls, double? f0, ulong seed)
    {
        var voice = new SynthVoice(this, controls, f0, seed, WholeClipBlock);
        var output = new float[ClipLength];
        var block = new float[WholeClipBlock];
        for (int n = 0; n < ClipLength; n += WholeClipBlock)
        {
            voice.Render(block);
            block.AsSpan(0, Math.Min(WholeClipBlock, ClipLength - n)).CopyTo(output.AsSpan(n));
        }
        return output;
    }

    /// <summary>Noise magnitude per bin from band magnitudes.</summary>
    internal void BinMagnitudes(ReadOnlySpan<float> bands, Span<float> bins)
    {
        for (int k = 0; k < bins.Length; k++)
        {
            int b = _binBand[k];
            bins[k] = bands[b] * _binLow[k] + (_binHigh[k] != 0 ? bands[b + 1] * _binHigh[k] : 0);
        }
    }
}
