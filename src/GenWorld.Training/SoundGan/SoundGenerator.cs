using GenWorld.Training.Export;
using static TorchSharp.torch;

namespace GenWorld.Training.SoundGan;

/// <summary>
/// A conditional sound generator: [z | pitch one-hot | label one-hot] [N, L + P + F] → the log-magnitude + IF
/// representation [N, 2, Frames, Bins]. Both architectures (<see cref="HarmonicSoundGenerator"/>,
/// <see cref="SpectrogramSoundGenerator"/>) keep this contract, so the exporter, the runtime and the discriminator
/// do not care which one trained.
/// </summary>
public abstract class SoundGenerator : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    /// <summary>Checks the config and remembers it.</summary>
    protected SoundGenerator(string name, SoundGanConfig config) : base(name)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Validate() is { Count: > 0 } errors) throw new ArgumentException("Invalid sound GAN config: " + string.Join(" ", errors), nameof(config));
        Config = config;
    }

    /// <summary>The generator <paramref name="config"/> names (Auto must have been resolved by <see cref="SoundGan.ConfigFor"/>).</summary>
    public static SoundGenerator Create(SoundGanConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Generator switch
        {
            SoundGeneratorKind.Harmonic => new HarmonicSoundGenerator(config),
            SoundGeneratorKind.Spectrogram => new SpectrogramSoundGenerator(config),
            _ => throw new ArgumentException($"Sound GAN config: generator '{config.Generator}' must be resolved to harmonic or spectrogram first.", nameof(config)),
        };
    }

    /// <summary>The shape this generator was built for.</summary>
    public SoundGanConfig Config { get; }

    /// <summary>[z | condition one-hots] [N, L + P + F] → representation [N, 2, Frames, Bins].</summary>
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.dim() != 2 || input.shape[1] != Config.GeneratorInputSize)
            throw new ArgumentException($"Generator input must be [N, {Config.GeneratorInputSize}] (latent {Config.LatentSize} + pitch {Config.PitchClasses} + labels {Config.LabelNames.Count}), got [{string.Join(", ", input.shape)}].", nameof(input));
        return Generate(input);
    }

    /// <summary>The checked forward.</summary>
    protected abstract Tensor Generate(Tensor input);

    /// <inheritdoc />
    public abstract IReadOnlyList<string> ExportOnnx(OnnxExportScope scope, IReadOnlyList<string> inputs);
}
