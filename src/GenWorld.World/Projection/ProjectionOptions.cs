namespace GenWorld.World.Projection;

/// <summary>How latents are laid out in space.</summary>
/// <param name="WorldRadius">±3 standard deviations along the strongest axis span this many world units from the centre.</param>
/// <param name="KernelRadius">Reach of each anchor's residual in world units; null: 1.5 × the median distance to the 8th nearest anchor.</param>
/// <param name="EmptyWeight">Weight of "no residual" in the blend, so far from every anchor the latent falls back to the PCA plane smoothly.</param>
public sealed record ProjectionOptions(float WorldRadius = 40f, float? KernelRadius = null, float EmptyWeight = 0.05f)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad field.</summary>
    public void Validate()
    {
        if (!(WorldRadius > 0) || !float.IsFinite(WorldRadius)) throw new ArgumentException($"WorldRadius = {WorldRadius} must be a positive number.", nameof(WorldRadius));
        if (KernelRadius is float r && (!(r > 0) || !float.IsFinite(r))) throw new ArgumentException($"KernelRadius = {r} must be a positive number.", nameof(KernelRadius));
        if (!(EmptyWeight > 0) || !float.IsFinite(EmptyWeight)) throw new ArgumentException($"EmptyWeight = {EmptyWeight} must be a positive number (it keeps empty space continuous).", nameof(EmptyWeight));
    }
}
