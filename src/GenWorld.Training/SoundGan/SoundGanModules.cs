using static TorchSharp.torch;

namespace GenWorld.Training.SoundGan;

/// <summary>Everything a sound-GAN checkpoint holds: live generator, discriminator and the EMA generator.</summary>
public sealed class SoundGanModules : nn.Module
{
    /// <summary>Builds the three networks; the EMA starts as a copy of the generator and never trains.</summary>
    public SoundGanModules(SoundGanConfig config) : base(nameof(SoundGanModules))
    {
        ArgumentNullException.ThrowIfNull(config);
        Generator = new SoundGenerator(config);
        Discriminator = new SoundDiscriminator(config);
        Ema = new SoundGenerator(config);
        Gan.GeneratorEma.CopyFrom(Ema, Generator);
        foreach (var p in Ema.parameters()) p.requires_grad = false;
        Ema.eval();
        register_module("generator", Generator);
        register_module("discriminator", Discriminator);
        register_module("ema", Ema);
    }

    /// <summary>The generator being trained.</summary>
    public SoundGenerator Generator { get; }

    /// <summary>The conditional discriminator.</summary>
    public SoundDiscriminator Discriminator { get; }

    /// <summary>The EMA of the generator's weights: previews, metrics and export use it.</summary>
    public SoundGenerator Ema { get; }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Generator.Dispose();
            Discriminator.Dispose();
            Ema.Dispose();
        }
        base.Dispose(disposing);
    }
}
