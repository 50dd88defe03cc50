using GenWorld.Training.Gan;

namespace GenWorld.Training.Textures;

/// <summary>A texture-GAN checkpoint's networks: fully convolutional generator, discriminator and the EMA generator.</summary>
/// <param name="config">Channel counts of all three.</param>
public sealed class TextureGanModules(TextureGanConfig config) : GanModules<TextureGenerator, TextureDiscriminator>(
    nameof(TextureGanModules),
    () => new TextureGenerator(config.LatentChannels, config.GeneratorChannels, config.GlobalChannels, config.UpsampleBlur, config.StyleChannels),
    new TextureDiscriminator((config ?? throw new ArgumentNullException(nameof(config))).DiscriminatorChannels));
