using GenWorld.Training.Export;
using GenWorld.Training.Gan;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenWorld.Training.SoundGan;

/// <summary>
/// GANSynth-like conditional generator, free-form: [z | pitch one-hot | label one-hot] [N, L + P + F] → Linear → a
/// (Frames/32 × Bins/32) map → five ×2 transposed convolutions (PixelNorm + SiLU between) → tanh → the
/// log-magnitude + IF representation [N, 2, Frames, Bins]. tanh fits the representation: log magnitudes are scaled
/// into about [−1, 0.9] and IF is phase difference / π in (−1, 1]. One plain Sequential of exporter-supported layers.
/// SiLU rather than LeakyReLU for the reason given on SoundVae (a crash in TorchSharp's temporary Scalar).
/// </summary>
public sealed class SpectrogramSoundGenerator : SoundGenerator
{
    private const int Upsamplings = 5;
    private readonly Sequential _body;

    /// <summary>Builds the generator for <paramref name="config"/> (weights from libtorch's current seed).</summary>
    public SpectrogramSoundGenerator(SoundGanConfig config) : base(nameof(SpectrogramSoundGenerator), config)
    {
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

    /// <inheritdoc />
    protected override Tensor Generate(Tensor input) => _body.forward(input);

    /// <inheritdoc />
    public override IReadOnlyList<string> ExportOnnx(OnnxExportScope scope, IReadOnlyList<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(inputs);
        return [scope.Export(_body, inputs[0])];
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing) _body.Dispose();
        base.Dispose(disposing);
    }
}
