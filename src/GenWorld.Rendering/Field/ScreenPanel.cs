using System.Numerics;
using GenWorld.Rendering.Resources;
using GenWorld.Rendering.Shaders;
using Silk.NET.OpenGL;

namespace GenWorld.Rendering.Field;

/// <summary>Which corner of the viewport a <see cref="ScreenPanel"/> hugs.</summary>
internal enum ScreenCorner
{
    TopLeft,
    BottomLeft,
}

/// <summary>
/// A premultiplied RGBA image drawn pixel for pixel in a corner of the viewport (the HUD, the legend): one texture,
/// uploaded by the owner when its content changes, and one small blended quad per frame.
/// </summary>
internal sealed class ScreenPanel : IDisposable
{
    private const int Margin = 8;
    private static readonly float[] Corners = [0, 0, 1, 0, 0, 1, 1, 1];

    private readonly GlDevice _device;
    private readonly GlTexture _texture;
    private readonly GlBuffer _corners;
    private readonly GlVertexArray _vao;

    public ScreenPanel(GlDevice device)
    {
        _device = device;
        _texture = new GlTexture(device, mipmaps: false, repeat: false);
        _corners = new GlBuffer(device, BufferTargetARB.ArrayBuffer, BufferUsageARB.StaticDraw);
        _corners.SetData<float>(Corners);
        _vao = new GlVertexArray(device);
        _vao.SetAttribute(0, _corners, 2, VertexAttribPointerType.Float, false, 8, 0);
    }

    /// <summary>Whether an image has been uploaded.</summary>
    public bool HasImage => _texture.Width > 0;

    public void Upload(byte[] rgba, int width, int height) => _texture.Upload(rgba, width, height);

    /// <summary>Draws the image (with the <c>hud</c> program) in <paramref name="corner"/>, <paramref name="margin"/> pixels in.</summary>
    public void Draw(ShaderProgram program, ScreenCorner corner, int viewportWidth, int viewportHeight, int margin = Margin)
    {
        if (!HasImage) return;
        // Pixel rectangle converted to NDC so texels land on pixels.
        float left = -1 + (2f * margin / viewportWidth);
        float right = -1 + (2f * (margin + _texture.Width) / viewportWidth);
        (float top, float bottom) = corner == ScreenCorner.TopLeft
            ? (1 - (2f * margin / viewportHeight), 1 - (2f * (margin + _texture.Height) / viewportHeight))
            : (-1 + (2f * (margin + _texture.Height) / viewportHeight), -1 + (2f * margin / viewportHeight));
        GL gl = _device.Gl;
        program.Use();
        program.Set("uRect", new Vector4(left, bottom, right, top));
        program.Set("uText", 0);
        _texture.Bind(0);
        gl.Disable(EnableCap.DepthTest);
        gl.Enable(EnableCap.Blend);
        gl.BlendFunc(BlendingFactor.One, BlendingFactor.OneMinusSrcAlpha);
        _vao.Bind();
        gl.DrawArrays(PrimitiveType.TriangleStrip, 0, 4);
        gl.BindVertexArray(0);
        gl.Disable(EnableCap.Blend);
        gl.Enable(EnableCap.DepthTest);
        gl.BindTexture(TextureTarget.Texture2D, 0);
    }

    public void Dispose()
    {
        _vao.Dispose();
        _corners.Dispose();
        _texture.Dispose();
    }
}
