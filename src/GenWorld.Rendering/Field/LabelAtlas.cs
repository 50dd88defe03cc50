using SkiaSharp;

namespace GenWorld.Rendering.Field;

/// <summary>
/// Rasterises region names with SkiaSharp into one texture atlas (premultiplied RGBA8, top row first), one name per
/// row: each label is then a single textured quad, and the atlas is rebuilt only when the set of names changes. Text is
/// drawn in its region's colour, lightened, over a dark outline, so it reads on the fog and on a bright cluster alike.
/// </summary>
internal sealed class LabelAtlas : IDisposable
{
    private const int Padding = 4;
    private readonly SKTypeface _typeface = FieldFonts.Load(FieldFonts.SansBold);
    private readonly SKFont _font;

    public LabelAtlas(float pixels)
    {
        _font = new SKFont(_typeface, pixels) { Edging = SKFontEdging.Antialias };
    }

    /// <summary>One label's place in the atlas, in pixels.</summary>
    public readonly record struct Entry(int X, int Y, int Width, int Height);

    /// <summary>Draws every region's name; returns the pixels, the atlas size and one entry per region, in order.</summary>
    public (byte[] Rgba, int Width, int Height, Entry[] Entries) Build(IReadOnlyList<FieldRegion> regions)
    {
        int rowHeight = (int)MathF.Ceiling(_font.Spacing) + (2 * Padding);
        int width = Math.Max(1, regions.Count == 0 ? 1 : (int)MathF.Ceiling(regions.Max(r => _font.MeasureText(r.Name))) + (2 * Padding));
        int height = Math.Max(1, rowHeight * regions.Count);
        var entries = new Entry[regions.Count];
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        using (var outline = new SKPaint { Color = new SKColor(0, 0, 0, 210), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 3f, StrokeJoin = SKStrokeJoin.Round })
        using (var fill = new SKPaint { IsAntialias = true })
        {
            canvas.Clear(SKColors.Transparent);
            for (int i = 0; i < regions.Count; i++)
            {
                int top = i * rowHeight;
                float textWidth = _font.MeasureText(regions[i].Name);
                float baseline = top + Padding - _font.Metrics.Ascent;
                canvas.DrawText(regions[i].Name, Padding, baseline, SKTextAlign.Left, _font, outline);
                fill.Color = Lighten(regions[i].Colour);
                canvas.DrawText(regions[i].Name, Padding, baseline, SKTextAlign.Left, _font, fill);
                entries[i] = new Entry(0, top, (int)MathF.Ceiling(textWidth) + (2 * Padding), rowHeight);
            }
        }
        return (bitmap.Bytes, width, height, entries);
    }

    /// <summary>Halfway to white: the label must outshine the points it names.</summary>
    internal static SKColor Lighten(Rgba8 c) => new((byte)((c.R + 255) / 2), (byte)((c.G + 255) / 2), (byte)((c.B + 255) / 2));

    public void Dispose()
    {
        _font.Dispose();
        _typeface.Dispose();
    }
}
