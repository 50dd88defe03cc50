using static TorchSharp.torch;

namespace GenWorld.Training.Textures;

/// <summary>Everything a texture GAN checkpoint holds: live generator, discriminator and the EMA generator.</summary>
public sealed class TextureGanModules : nn.Module
{
    /// <summary>Builds the three networks from <paramref name="config"/>; the EMA starts as a copy of the generator.</summary>
    public TextureGanModules(TextureGanConfig config) : base(nameof(TextureGanModules))
    {
        ArgumentNullException.ThrowIfNull(config);
        Generator = new TextureGenerator(config.LatentChannels, config.GeneratorChannels);
        Discriminator = new TextureDiscriminator(config.DiscriminatorChannels);
        Ema = new TextureGenerator(config.LatentChannels, config.GeneratorChannels);
        Gan.GeneratorEma.CopyFrom(Ema, Generator);
        foreach (var p in Ema.parameters()) p.requires_grad = false;
        Ema.eval();
        register_module("generator", Generator);
        register_module("discriminator", Discriminator);
        register_module("ema", Ema);
    }

    /// <summary>The generator being trained.</summary>
    public TextureGenerator Generator { get; }

    /// <summary>The discriminator.</summary>
    public TextureDiscriminator Discriminator { get; }

    /// <summary>The EMA of the generator's weights: the one previews, metrics and export use.</summary>
    public TextureGenerator Ema { get; }

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
