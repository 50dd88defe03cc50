using GenWorld.Training.Gan;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenWorld.Training.SoundGan;

/// <summary>
/// GANSynth-like conditional generator: [z | pitch one-hot | label one-hot] [N, L + P + F] → Linear → a
/// (Frames/32 × Bins/32) map → five ×2 transposed convolutions (PixelNorm + SiLU between) → tanh → the
/// log-magnitude + IF representation [N, 2, Frames, Bins]. tanh fits the representation: log magnitudes are scaled
/// into about [−1, 0.9] and IF is phase difference / π in (−1, 1]. One plain Sequential of exporter-supported layers.
/// SiLU rather than LeakyReLU for the reason given on SoundVae (a crash in TorchSharp's temporary Scalar).
/// </summary>
public sealed class SoundGenerator : nn.Module<Tensor, Tensor>
{
    private const int Upsamplings = 5;
    private readonly Sequential _body;

    /// <summary>Builds the generator for <paramref name="config"/> (weights from libtorch's current seed).</summary>
    public SoundGenerator(SoundGanConfig config) : base(nameof(SoundGenerator))
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Validate() is { Count: > 0 } errors) throw new ArgumentException("Invalid sound GAN config: " + string.Join(" ", errors), nameof(config));
        Config = config;
        int c = config.GeneratorChannels;
        long h = config.Frames >> Upsamplings, w = config.Bins >> Upsamplings;
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>
        {
            ("project", nn.Linear(config.GeneratorInputSize, c * h * w)),
            ("unflatten", nn.Unflatten(1, [c, h, w])),
            ("norm_in", new PixelNorm()),
            ("act_in", nn.SiLU()),
        };
        for (int i = 0; i < Upsamplings; i++)
        {
            bool last = i == Upsamplings - 1;
            layers.Add(($"up{i}", nn.ConvTranspose2d(c, last ? 2 : c / 2, 4, stride: 2, padding: 1)));
            if (last) break;
            layers.Add(($"norm{i}", new PixelNorm()));
            layers.Add(($"act{i}", nn.SiLU()));
            c /= 2;
        }
        layers.Add(("tanh", nn.Tanh()));
        _body = nn.Sequential(layers);
        RegisterComponents();
    }

    /// <summary>The shape this generator was built for.</summary>
    public SoundGanConfig Config { get; }

    /// <summary>The whole network as one Sequential (what the exporter writes).</summary>
    public Sequential Body => _body;

    /// <summary>[z | condition one-hots] [N, L + P + F] → representation [N, 2, Frames, Bins].</summary>
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.dim() != 2 || input.shape[1] != Config.GeneratorInputSize)
            throw new ArgumentException($"Generator input must be [N, {Config.GeneratorInputSize}] (latent {Config.LatentSize} + pitch {Config.PitchClasses} + labels {Config.LabelNames.Count}), got [{string.Join(", ", input.shape)}].", nameof(input));
        return _body.forward(input);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing) _body.Dispose();
        base.Dispose(disposing);
    }
}
