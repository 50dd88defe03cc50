using GenWorld.Rendering.Points;

namespace GenWorld.Rendering.Field;

/// <summary>
/// Everything one frame of the field needs, as plain data the host fills in: the camera, the anchor points, the nearby
/// textured objects and the HUD text. Nothing here refers back to the world that produced it.
/// </summary>
public readonly ref struct FieldFrame
{
    /// <summary>Bundles one frame's input.</summary>
    /// <param name="camera">Where the eye is; its aspect should match the viewport.</param>
    /// <param name="points">Anchor points (uploaded only when they differ from the previous frame's).</param>
    /// <param name="quads">Nearby objects with their tiles (null or empty: none).</param>
    /// <param name="hudLines">HUD text, one entry per line (null or empty: no HUD).</param>
    public FieldFrame(Camera camera, ReadOnlySpan<PointInstance> points, IReadOnlyList<FieldQuad>? quads = null, IReadOnlyList<string>? hudLines = null)
    {
        Camera = camera;
        Points = points;
        Quads = quads ?? [];
        HudLines = hudLines ?? [];
    }

    /// <summary>The camera.</summary>
    public Camera Camera { get; }

    /// <summary>Anchor points as billboards.</summary>
    public ReadOnlySpan<PointInstance> Points { get; }

    /// <summary>Nearby textured objects.</summary>
    public IReadOnlyList<FieldQuad> Quads { get; }

    /// <summary>HUD lines, top to bottom.</summary>
    public IReadOnlyList<string> HudLines { get; }
}
