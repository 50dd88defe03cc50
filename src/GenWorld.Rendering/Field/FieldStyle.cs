using System.Numerics;

namespace GenWorld.Rendering.Field;

/// <summary>How the field looks. <see cref="Validate"/> names the first bad field.</summary>
public sealed record FieldStyle
{
    /// <summary>Background, and the colour everything fades to with distance.</summary>
    public Vector3 FogColour { get; init; } = new(0.02f, 0.025f, 0.05f);

    /// <summary>Distance where fog begins.</summary>
    public float FogStart { get; init; } = 8f;

    /// <summary>Distance where everything is fully fogged.</summary>
    public float FogEnd { get; init; } = 60f;

    /// <summary>Fraction of a point's radius that fades out.</summary>
    public float EdgeSoftness { get; init; } = 0.15f;

    /// <summary>Smallest on-screen diameter of an anchor point in pixels, so far points stay visible.</summary>
    public float MinPointPixels { get; init; } = 1.5f;

    /// <summary>Largest on-screen diameter of an anchor point in pixels, so a point passing the eye stays a point.</summary>
    public float MaxPointPixels { get; init; } = 20f;

    /// <summary>Radius of a point's solid core as a fraction of its sprite; the rest is its soft halo.</summary>
    public float PointCoreRadius { get; init; } = 0.5f;

    /// <summary>Strength of the additive halo around each point (0 = none): overlapping halos make dense clusters glow.</summary>
    public float PointGlow { get; init; } = 0.5f;

    /// <summary>Region labels closer than this fade out (half of it: gone), so a name does not fill the view as you enter its cluster.</summary>
    public float LabelNearFade { get; init; } = 3f;

    /// <summary>Distance where region labels start to fade out.</summary>
    public float LabelFadeStart { get; init; } = 20f;

    /// <summary>Distance where region labels are gone.</summary>
    public float LabelFadeEnd { get; init; } = 45f;

    /// <summary>Region label font size in pixels.</summary>
    public float LabelFontPixels { get; init; } = 17f;

    /// <summary>Whether the legend (a swatch and name per region) is drawn in the bottom-left corner.</summary>
    public bool Legend { get; init; } = true;

    /// <summary>Height (world y) of the ground reference grid; null draws no grid.</summary>
    public float? GroundHeight { get; init; } = -6f;

    /// <summary>Distance between grid lines in world units.</summary>
    public float GridSpacing { get; init; } = 2f;

    /// <summary>Lines on each side of the camera (the grid spans 2 x this x spacing).</summary>
    public int GridHalfLines { get; init; } = 40;

    /// <summary>Colour of the grid lines before fog.</summary>
    public Vector3 GridColour { get; init; } = new(0.3f, 0.37f, 0.5f);

    /// <summary>Colour of an emitter object whose material is not generated yet.</summary>
    public Rgba8 PlaceholderColour { get; init; } = new(90, 90, 100);

    /// <summary>HUD font size in pixels.</summary>
    public float HudFontPixels { get; init; } = 14f;

    /// <summary>Frames a cached tile texture may go unused before it is evicted (its GL texture deleted).</summary>
    public int TextureIdleFrames { get; init; } = 120;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad field.</summary>
    public void Validate()
    {
        if (!(FogStart >= 0 && FogEnd > FogStart)) throw new ArgumentException($"Fog needs 0 <= FogStart < FogEnd, got {FogStart}..{FogEnd}.", nameof(FogEnd));
        if (EdgeSoftness is < 0 or > 1) throw new ArgumentException($"EdgeSoftness must be 0..1, got {EdgeSoftness}.", nameof(EdgeSoftness));
        if (!(MinPointPixels >= 0)) throw new ArgumentException($"MinPointPixels must be 0 or more, got {MinPointPixels}.", nameof(MinPointPixels));
        if (!(MaxPointPixels >= MinPointPixels)) throw new ArgumentException($"MaxPointPixels must be at least MinPointPixels ({MinPointPixels}), got {MaxPointPixels}.", nameof(MaxPointPixels));
        if (!(PointCoreRadius is > 0.05f and <= 1f)) throw new ArgumentException($"PointCoreRadius must be in (0.05, 1], got {PointCoreRadius}.", nameof(PointCoreRadius));
        if (!(PointGlow is >= 0 and <= 4)) throw new ArgumentException($"PointGlow must be 0..4, got {PointGlow}.", nameof(PointGlow));
        if (!(LabelNearFade >= 0 && LabelFadeEnd > LabelFadeStart && LabelFadeStart >= LabelNearFade))
            throw new ArgumentException($"Labels need 0 <= LabelNearFade <= LabelFadeStart < LabelFadeEnd, got {LabelNearFade}, {LabelFadeStart}..{LabelFadeEnd}.", nameof(LabelFadeEnd));
        if (!(LabelFontPixels is >= 6 and <= 96)) throw new ArgumentException($"LabelFontPixels must be 6..96, got {LabelFontPixels}.", nameof(LabelFontPixels));
        if (!(GridSpacing > 0)) throw new ArgumentException($"GridSpacing must be above 0, got {GridSpacing}.", nameof(GridSpacing));
        if (GridHalfLines is < 1 or > 1000) throw new ArgumentException($"GridHalfLines must be 1..1000, got {GridHalfLines}.", nameof(GridHalfLines));
        if (!(HudFontPixels is >= 6 and <= 96)) throw new ArgumentException($"HudFontPixels must be 6..96, got {HudFontPixels}.", nameof(HudFontPixels));
        if (TextureIdleFrames < 1) throw new ArgumentException($"TextureIdleFrames must be 1 or more, got {TextureIdleFrames}.", nameof(TextureIdleFrames));
    }
}
