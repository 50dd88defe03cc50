using GenWorld.Rendering.Resources;
using GenWorld.Rendering.Shaders;
using Silk.NET.OpenGL;

namespace GenWorld.Rendering.Field;

/// <summary>
/// The HUD: text lines drawn at the top-left corner, pixel for pixel. The text is rasterised and uploaded only when the
/// lines change; an unchanged HUD costs one small blended quad.
/// </summary>
internal sealed class HudOverlay : IDisposable
{
    private const int Margin = 8;
    private static readonly float[] Corners = [0, 0, 1, 0, 0, 1, 1, 1];

    private readonly GlDevice _device;
    private readonly HudText _text;
    private readonly GlTexture _texture;
    private readonly GlBuffer _corners;
    private readonly GlVertexArray _vao;
    private string[] _shown = [];

    public HudOverlay(GlDevice device, float fontPixels)
    {
        _device = device;
        _text = new HudText(fontPixels);
        _texture = new GlTexture(device, mipmaps: false, repeat: false);
        _corners = new GlBuffer(device, BufferTargetARB.ArrayBuffer, BufferUsageARB.StaticDraw);
        _corners.SetData<float>(Corners);
        _vao = new GlVertexArray(device);
        _vao.SetAttribute(0, _corners, 2, VertexAttribPointerType.Float, false, 8, 0);
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
            _texture.Upload(rgba, w, h);
            _shown = [.. lines];
            Uploads++;
        }

        // Pixel rectangle (Margin, Margin) from the top-left, converted to NDC so texels land on pixels.
        float left = -1 + (2f * Margin / viewportWidth);
        float right = -1 + (2f * (Margin + _texture.Width) / viewportWidth);
        float top = 1 - (2f * Margin / viewportHeight);
        float bottom = 1 - (2f * (Margin + _texture.Height) / viewportHeight);
        GL gl = _device.Gl;
        program.Use();
        program.Set("uRect", new System.Numerics.Vector4(left, bottom, right, top));
        program.Set("uText", 0);
        _texture.Bind(0);
        gl.Disable(EnableCap.DepthTest);
        gl.Enable(EnableCap.Blend);
        gl.BlendFunc(BlendingFactor.One, BlendingFactor.OneMinusSrcAlpha);
        _vao.Bind();
        gl.DrawArrays(PrimitiveType.TriangleStrip, 0, 4);
        gl.BindVertexArray(0);
        gl.Disable(EnableCap.Blend);
        gl.BindTexture(TextureTarget.Texture2D, 0);
    }

    public void Dispose()
    {
        _vao.Dispose();
        _corners.Dispose();
        _texture.Dispose();
        _text.Dispose();
    }
}
