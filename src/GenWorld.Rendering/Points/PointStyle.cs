using System.Numerics;

namespace GenWorld.Rendering.Points;

/// <summary>How points look: fog towards a colour between two distances, and the soft rim width.</summary>
/// <param name="FogColour">Colour far points fade to (usually the clear colour).</param>
/// <param name="FogStart">Distance where fog begins.</param>
/// <param name="FogEnd">Distance where points are fully fogged.</param>
/// <param name="EdgeSoftness">Fraction of the radius that fades out (0 = hard disc, 1 = all soft).</param>
public sealed record PointStyle(Vector3 FogColour, float FogStart = 10f, float FogEnd = 60f, float EdgeSoftness = 0.15f)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad field.</summary>
    public void Validate()
    {
        if (FogStart < 0 || FogEnd <= FogStart)
            throw new ArgumentException($"Fog needs 0 <= FogStart < FogEnd, got {FogStart}..{FogEnd}.", nameof(FogEnd));
        if (EdgeSoftness is < 0 or > 1)
            throw new ArgumentException($"EdgeSoftness must be 0..1, got {EdgeSoftness}.", nameof(EdgeSoftness));
    }
}
