namespace GenWorld.Rendering.Field;

/// <summary>Distinct colours for class labels, so anchors of one label read as one cloud.</summary>
public static class LabelPalette
{
    // Tableau-like hues, bright enough to stand out against the dark fog colour.
    private static readonly Rgba8[] Colours =
    [
        new(78, 161, 255), new(255, 157, 60), new(89, 211, 101), new(255, 84, 92), new(178, 127, 255),
        new(196, 140, 108), new(255, 135, 214), new(190, 190, 190), new(230, 225, 70), new(64, 222, 222),
    ];

    /// <summary>The colour for label <paramref name="label"/> (cycles past 10 labels, slightly darker on each lap).</summary>
    public static Rgba8 Colour(int label)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(label);
        Rgba8 c = Colours[label % Colours.Length];
        int lap = label / Colours.Length;
        float scale = MathF.Max(0.4f, 1f - (0.2f * lap));
        return new Rgba8((byte)(c.R * scale), (byte)(c.G * scale), (byte)(c.B * scale));
    }
}
