using GenWorld.Rendering.Points;

namespace GenWorld.Rendering.Field;

/// <summary>
/// Everything one frame of the field needs, as plain data the host fills in: the camera, the anchor points, the playing
/// emitters' objects, the named regions and the HUD text. Nothing here refers back to the world that produced it.
/// </summary>
public readonly ref struct FieldFrame
{
    /// <summary>Bundles one frame's input.</summary>
    /// <param name="camera">Where the eye is; its aspect should match the viewport.</param>
    /// <param name="points">Anchor points (uploaded only when they differ from the previous frame's).</param>
    /// <param name="objects">Playing emitters' objects with their materials (null or empty: none).</param>
    /// <param name="hudLines">HUD text, one entry per line (null or empty: no HUD, e.g. presentation mode).</param>
    /// <param name="regions">Named regions: labels over their centres and the legend (null or empty: neither).</param>
    /// <param name="seconds">Scene time, which turns the objects (the host's clock, so fixed-step renders repeat exactly).</param>
    /// <param name="ground">The local material on the ground around the visitor (null: bare ground).</param>
    public FieldFrame(Camera camera, ReadOnlySpan<PointInstance> points, IReadOnlyList<FieldObject>? objects = null,
        IReadOnlyList<string>? hudLines = null, IReadOnlyList<FieldRegion>? regions = null, double seconds = 0, GroundPatch? ground = null)
    {
        Ground = ground;
        Seconds = seconds;
        Camera = camera;
        Points = points;
        Objects = objects ?? [];
        HudLines = hudLines ?? [];
        Regions = regions ?? [];
    }

    /// <summary>The camera.</summary>
    public Camera Camera { get; }

    /// <summary>Anchor points as billboards.</summary>
    public ReadOnlySpan<PointInstance> Points { get; }

    /// <summary>Playing emitters' objects.</summary>
    public IReadOnlyList<FieldObject> Objects { get; }

    /// <summary>HUD lines, top to bottom.</summary>
    public IReadOnlyList<string> HudLines { get; }

    /// <summary>Scene time in seconds.</summary>
    public double Seconds { get; }

    /// <summary>The local material on the ground, or null.</summary>
    public GroundPatch? Ground { get; }

    /// <summary>Named regions (labels and legend).</summary>
    public IReadOnlyList<FieldRegion> Regions { get; }
}
