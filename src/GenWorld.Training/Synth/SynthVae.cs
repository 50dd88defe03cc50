using GenWorld.Core.Dsp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenWorld.Training.Synth;

/// <summary>
/// The full-band sound VAE (the world's latent space at 48 kHz). Encoder: the clip's <see cref="EncoderSpectrogram"/>
/// [N, 1, 64, Frames] → 4 × Conv2d(k4, s2) + SiLU → Linear → [μ | logσ²]. Decoder: <see cref="SynthDecoder"/>
/// ([z | pitch one-hot] → frame-rate controls) and its <see cref="HarmonicNoiseSynth"/> (controls → 48 kHz audio).
/// Encoder and control network export to ONNX; the synthesiser runs as C# DSP at runtime.
/// </summary>
public sealed class SynthVae : nn.Module<Tensor, Tensor>
{
    private const int Downsamples = 4;
    private readonly Sequential _encoder;
    private readonly SynthDecoder _decoder;

    /// <summary>Builds the model (weights from libtorch's current seed).</summary>
    public SynthVae(SynthConfig synth, int latentSize, int pitchMin, int pitchClasses, int encoderChannels = 16) : base(nameof(SynthVae))
    {
        if (synth.Frames % (1 << Downsamples) != 0) throw new ArgumentException($"frames must be a multiple of {1 << Downsamples}, got {synth.Frames}.", nameof(synth));
        LatentSize = latentSize;
        var enc = new List<(string, nn.Module<Tensor, Tensor>)>();
        for (int i = 0; i < Downsamples; i++)
        {
            enc.Add(($"conv{i}", nn.Conv2d(i == 0 ? 1 : encoderChannels << (i - 1), encoderChannels << i, 4, stride: 2, padding: 1)));
            enc.Add(($"act{i}", nn.SiLU()));
        }
        enc.Add(("flatten", nn.Flatten()));
        long top = (long)(encoderChannels << (Downsamples - 1)) * (EncoderSpectrogram.Bands >> Downsamples) * (synth.Frames >> Downsamples);
        enc.Add(("stats", nn.Linear(top, 2 * latentSize)));
        _encoder = nn.Sequential(enc);
        _decoder = new SynthDecoder(synth, latentSize, pitchMin, pitchClasses, 0);
        RegisterComponents();
    }

    /// <summary>Latent width.</summary>
    public int LatentSize { get; }

    /// <summary>Encoder spectrogram [N, 1, 64, F] → [μ | logσ²] [N, 2L].</summary>
    public Sequential Encoder => _encoder;

    /// <summary>[z | pitch one-hot] → controls, and the synthesiser.</summary>
    public SynthDecoder Decoder => _decoder;

    /// <summary>Controls from μ (no sampling), for unconditional models; conditional ones build the decoder input themselves.</summary>
    public override Tensor forward(Tensor spectrogram)
    {
        using var stats = _encoder.forward(spectrogram);
        return _decoder.forward(stats[.., ..LatentSize]);
    }

    /// <summary>[z | one-hot(pitch − PitchMin)] for the decoder; pitches outside the range throw.</summary>
    public Tensor DecoderInput(Tensor z, int[]? pitches)
    {
        ArgumentNullException.ThrowIfNull(z);
        if (_decoder.PitchClasses == 0) return z.alias();
        return Models.PitchOneHot.Append(z, pitches?.Select(p => (long)p).ToArray(), _decoder.PitchMin, _decoder.PitchClasses);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _encoder.Dispose();
            _decoder.Dispose();
        }
        base.Dispose(disposing);
    }
}
