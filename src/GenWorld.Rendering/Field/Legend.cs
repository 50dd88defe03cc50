using GenWorld.Rendering.Shaders;
using SkiaSharp;

namespace GenWorld.Rendering.Field;

/// <summary>
/// The legend in the bottom-left corner: a round swatch in each region's colour beside its name, so a visitor can read
/// the palette without finding every label. Rasterised once per set of regions; at most <see cref="MaxRows"/> rows
/// (the rest summed up as "+N more") so a field with many categories keeps its corner.
/// </summary>
internal sealed class Legend : IDisposable
{
    /// <summary>Most regions listed by name.</summary>
    public const int MaxRows = 16;

    private const int Padding = 6;
    private readonly ScreenPanel _panel;
    private readonly SKTypeface _typeface = FieldFonts.Load(FieldFonts.SansBold);
    private readonly SKFont _font;
    private FieldRegion[] _shown = [];

    public Legend(GlDevice device, float fontPixels)
    {
        _panel = new ScreenPanel(device);
        _font = new SKFont(_typeface, fontPixels) { Edging = SKFontEdging.Antialias };
    }

    /// <summary>Times the legend was rasterised and uploaded.</summary>
    public int Uploads { get; private set; }

    public void Draw(ShaderProgram program, IReadOnlyList<FieldRegion> regions, int viewportWidth, int viewportHeight)
    {
        if (regions.Count == 0) return;
        if (!regions.SequenceEqual(_shown))
        {
            (byte[] rgba, int w, int h) = Render(regions);
            _panel.Upload(rgba, w, h);
            _shown = [.. regions];
            Uploads++;
        }
        _panel.Draw(program, ScreenCorner.BottomLeft, viewportWidth, viewportHeight);
    }

    private (byte[] Rgba, int Width, int Height) Render(IReadOnlyList<FieldRegion> regions)
    {
        var rows = regions.Take(MaxRows).Select(r => (r.Name, (Rgba8?)r.Colour)).ToList();
        if (regions.Count > MaxRows) rows.Add(($"+{regions.Count - MaxRows} more", null));
        float lineHeight = MathF.Ceiling(_font.Spacing);
        float swatch = lineHeight * 0.6f;
        int width = (int)MathF.Ceiling(rows.Max(r => _font.MeasureText(r.Name)) + swatch + (3 * Padding));
        int height = (int)(lineHeight * rows.Count) + (2 * Padding);
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        using (var panel = new SKPaint { Color = new SKColor(0, 0, 0, 110) })
        using (var text = new SKPaint { Color = new SKColor(200, 208, 222), IsAntialias = true })
        using (var dot = new SKPaint { IsAntialias = true })
        {
            canvas.Clear(SKColors.Transparent);
            canvas.DrawRoundRect(new SKRect(0, 0, width, height), 4, 4, panel);
            float top = Padding;
            foreach ((string name, Rgba8? colour) in rows)
            {
                if (colour is Rgba8 c)
                {
                    dot.Color = new SKColor(c.R, c.G, c.B);
                    canvas.DrawCircle(Padding + (swatch / 2), top + (lineHeight / 2), swatch / 2, dot);
                }
                canvas.DrawText(name, (2 * Padding) + swatch, top - _font.Metrics.Ascent, SKTextAlign.Left, _font, text);
                top += lineHeight;
            }
        }
        return (bitmap.Bytes, width, height);
    }

    public void Dispose()
    {
        _panel.Dispose();
        _font.Dispose();
        _typeface.Dispose();
    }
}
