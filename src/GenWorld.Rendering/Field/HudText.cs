using SkiaSharp;

namespace GenWorld.Rendering.Field;

/// <summary>
/// Rasterises HUD lines with SkiaSharp into premultiplied RGBA8 (top row first): light text on a translucent dark panel.
/// Quiet on purpose: small, dim text on a faint panel, so it names things without competing with the field.
/// </summary>
internal sealed class HudText : IDisposable
{

    private const int Padding = 6;

    private readonly SKTypeface _typeface;
    private readonly SKFont _font;
    private readonly SKPaint _text = new() { Color = new SKColor(200, 208, 222), IsAntialias = true };
    private readonly SKPaint _panel = new() { Color = new SKColor(0, 0, 0, 110) };

    public HudText(float pixels)
    {
        _typeface = FieldFonts.Load(FieldFonts.Mono);
        FontName = _typeface.FamilyName;
        _font = new SKFont(_typeface, pixels) { Edging = SKFontEdging.Antialias };
    }

    /// <summary>The font family in use, e.g. "DejaVu Sans Mono".</summary>
    public string FontName { get; }

    /// <summary>Draws <paramref name="lines"/>; returns premultiplied RGBA8 pixels and their size.</summary>
    public (byte[] Rgba, int Width, int Height) Render(IReadOnlyList<string> lines)
    {
        float lineHeight = MathF.Ceiling(_font.Spacing);
        float widest = lines.Count == 0 ? 0 : lines.Max(l => _font.MeasureText(l, _text));
        int width = Math.Max(1, (int)MathF.Ceiling(widest) + (2 * Padding));
        int height = Math.Max(1, (int)(lineHeight * lines.Count) + (2 * Padding));
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(info);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Transparent);
            canvas.DrawRoundRect(new SKRect(0, 0, width, height), 4, 4, _panel);
            float baseline = Padding - _font.Metrics.Ascent;
            foreach (string line in lines)
            {
                canvas.DrawText(line, Padding, baseline, SKTextAlign.Left, _font, _text);
                baseline += lineHeight;
            }
        }
        return (bitmap.Bytes, width, height);
    }

    public void Dispose()
    {
        _font.Dispose();
        _text.Dispose();
        _panel.Dispose();
        _typeface.Dispose();
    }
}
