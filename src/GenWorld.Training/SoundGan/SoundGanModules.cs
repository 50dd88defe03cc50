using GenWorld.Training.Gan;

namespace GenWorld.Training.SoundGan;

/// <summary>A sound-GAN checkpoint's networks: conditional generator, projection discriminator and the EMA generator.</summary>
/// <param name="config">The shape of all three.</param>
public sealed class SoundGanModules(SoundGanConfig config) : GanModules<SoundGenerator, SoundDiscriminator>(
    nameof(SoundGanModules), () => SoundGenerator.Create(config), new SoundDiscriminator(config ?? throw new ArgumentNullException(nameof(config))));
