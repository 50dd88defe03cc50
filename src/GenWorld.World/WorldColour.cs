namespace GenWorld.World;

/// <summary>An 8-bit RGBA colour (engine-neutral; hosts convert to theirs).</summary>
public readonly record struct WorldColour(byte R, byte G, byte B, byte A = 255)
{
    /// <summary>Evenly spaced hues for <paramref name="count"/> labels (golden-angle order, so neighbours in index differ).</summary>
    public static WorldColour[] Palette(int count)
    {
        var colours = new WorldColour[count];
        for (int i = 0; i < count; i++)
        {
            double h = (i * 137.508) % 360 / 60, s = 0.65, v = 0.95;
            double c = v * s, x = c * (1 - Math.Abs((h % 2) - 1)), m = v - c;
            (double r, double g, double b) = (int)h switch
            {
                0 => (c, x, 0.0), 1 => (x, c, 0.0), 2 => (0.0, c, x), 3 => (0.0, x, c), 4 => (x, 0.0, c), _ => (c, 0.0, x),
            };
            colours[i] = new WorldColour((byte)Math.Round((r + m) * 255), (byte)Math.Round((g + m) * 255), (byte)Math.Round((b + m) * 255));
        }
        return colours;
    }
}
