using GenWorld.Training.Export;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenWorld.Training.Synth;

/// <summary>
/// The conditional GAN's generator on the full-band decoder: [z (64) | pitch one-hot | family one-hot] → a mapping
/// network gives a point w = z[..L] + MLP(z, family) in the sound VAE's latent space → the VAE's
/// <see cref="SynthDecoder"/> ([w | pitch one-hot] → controls). The MLP's last layer starts at zero, so the untrained
/// generator already draws the VAE's prior samples; the minimax game then refines both the mapping (which family
/// lives where) and the decoder (what a real note sounds like) — a GAN as the refinement of a VAE, as in RAVE.
/// </summary>
public sealed class SynthGanGenerator : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    private readonly Sequential _mapping;
    private readonly SynthDecoder _decoder;

    /// <summary>A generator reading <paramref name="noiseSize"/> noise values, the decoder's pitch one-hot and <paramref name="labels"/> families.</summary>
    public SynthGanGenerator(SynthDecoder decoder, int noiseSize, int labels, int hidden = 128) : base(nameof(SynthGanGenerator))
    {
        ArgumentNullException.ThrowIfNull(decoder);
        if (noiseSize < decoder.LatentSize) throw new ArgumentException($"noise ({noiseSize}) must be at least the decoder's latent ({decoder.LatentSize}).", nameof(noiseSize));
        NoiseSize = noiseSize;
        Labels = labels;
        Linear last = nn.Linear(hidden, decoder.LatentSize);
        using (no_grad())
        {
            last.weight!.zero_();
            last.bias!.zero_();
        }
        _mapping = nn.Sequential(("in", nn.Linear(noiseSize + labels, hidden)), ("act", nn.SiLU()), ("out", last));
        _decoder = decoder;
        RegisterComponents();
    }

    /// <summary>Noise values.</summary>
    public int NoiseSize { get; }

    /// <summary>Family classes.</summary>
    public int Labels { get; }

    /// <summary>The decoder (shared with the sound VAE it was initialised from).</summary>
    public SynthDecoder Decoder => _decoder;

    /// <summary>Width of the input: noise + pitch classes + labels.</summary>
    public int InputSize => NoiseSize + _decoder.PitchClasses + Labels;

    /// <summary>[z | pitch one-hot | family one-hot] → controls [N, Harmonics + NoiseBands, Frames].</summary>
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var scope = NewDisposeScope();
        int l = _decoder.LatentSize, p = _decoder.PitchClasses;
        Tensor z = input[.., ..NoiseSize];
        Tensor pitch = input[.., NoiseSize..(NoiseSize + p)];
        Tensor family = input[.., (NoiseSize + p)..];
        Tensor w = z[.., ..l].add(_mapping.forward(cat([z, family], 1)));
        return _decoder.forward(cat([w, pitch], 1)).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public IReadOnlyList<string> ExportOnnx(OnnxExportScope scope, IReadOnlyList<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(inputs);
        OnnxGraphBuilder g = scope.Graph;
        int l = _decoder.LatentSize, p = _decoder.PitchClasses;
        string z = g.Slice(inputs[0], 1, 0, NoiseSize);
        string pitch = g.Slice(inputs[0], 1, NoiseSize, NoiseSize + p);
        string family = g.Slice(inputs[0], 1, NoiseSize + p, NoiseSize + p + Labels);
        string w = g.Add(g.Slice(z, 1, 0, l), scope.Export(_mapping, g.Concat(1, z, family)));
        return [scope.Export(_decoder, g.Concat(1, w, pitch))];
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _mapping.Dispose();
            _decoder.Dispose();
        }
        base.Dispose(disposing);
    }
}
