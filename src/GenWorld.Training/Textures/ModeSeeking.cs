using static TorchSharp.torch;

namespace GenWorld.Training.Textures;

/// <summary>
/// Mode-seeking regulariser (MSGAN, Mao et al. 2019): pairs the first half of a batch with the second and asks the
/// generator for images that differ at least as much as their latents do. A generator that maps many latents to one
/// motif has a small image-to-latent distance ratio and pays 1 / ratio for it; the adversarial loss alone never
/// charges for repeating one good-looking tile.
/// </summary>
public static class ModeSeeking
{
    private const double Epsilon = 1e-5;

    /// <summary>1 / (mean |G(z1) − G(z2)| / mean |z1 − z2|) over the pairs (i, i + n/2) of the batch; needs n ≥ 2.</summary>
    public static Tensor Loss(Tensor latents, Tensor images)
    {
        ArgumentNullException.ThrowIfNull(latents);
        ArgumentNullException.ThrowIfNull(images);
        long half = latents.shape[0] / 2;
        if (half < 1 || images.shape[0] != latents.shape[0])
            throw new ArgumentException($"Mode seeking needs a batch of at least 2 latents and as many images, got {latents.shape[0]} and {images.shape[0]}.", nameof(images));
        using var scope = NewDisposeScope();
        Tensor imageDistance = (images.narrow(0, 0, half) - images.narrow(0, half, half)).abs().mean();
        Tensor latentDistance = (latents.narrow(0, 0, half) - latents.narrow(0, half, half)).abs().mean();
        return (1.0 / (imageDistance / latentDistance + Epsilon)).MoveToOuterDisposeScope();
    }
}
