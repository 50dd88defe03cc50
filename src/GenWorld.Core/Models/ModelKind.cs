namespace GenWorld.Core.Models;

/// <summary>Which generative model a model folder holds (written kebab-case in manifest.json).</summary>
public enum ModelKind
{
    /// <summary>Sound VAE: encoder + decoder over short audio clips.</summary>
    SoundVae,

    /// <summary>Conditional sound GAN: generator from latent + condition to audio.</summary>
    SoundGan,

    /// <summary>Tileable texture GAN: generator from latent to an RGB tile.</summary>
    TextureGan,

    /// <summary>Transformer prior over latent codes or tokens.</summary>
    TransformerPrior,

    /// <summary>Recurrent (GRU) prior with the same token interface, the Transformer's baseline.</summary>
    GruPrior,
}
