using GenWorld.Rendering.Shaders;

namespace GenWorld.Rendering.Field;

/// <summary>
/// The HUD: text lines drawn at the top-left corner, pixel for pixel. The text is rasterised and uploaded only when the
/// lines change; an unchanged HUD costs one small blended quad.
/// </summary>
internal sealed class HudOverlay : IDisposable
{
    private readonly HudText _text;
    private readonly ScreenPanel _panel;
    private string[] _shown = [];

    public HudOverlay(GlDevice device, float fontPixels)
    {
        _text = new HudText(fontPixels);
        _panel = new ScreenPanel(device);
    }

    /// <summary>Times the text was rasterised and uploaded.</summary>
    public int Uploads { get; private set; }

    public string FontName => _text.FontName;

    public void Draw(ShaderProgram program, IReadOnlyList<string> lines, int viewportWidth, int viewportHeight)
    {
        if (lines.Count == 0) return;
        if (!lines.SequenceEqual(_shown, StringComparer.Ordinal))
        {
            (byte[] rgba, int w, int h) = _text.Render(lines);
            _panel.Upload(rgba, w, h);
            _shown = [.. lines];
            Uploads++;
        }
        _panel.Draw(program, ScreenCorner.TopLeft, viewportWidth, viewportHeight);
    }

    public void Dispose()
    {
        _panel.Dispose();
        _text.Dispose();
    }
}
