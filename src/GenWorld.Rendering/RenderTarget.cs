using GenWorld.Rendering.Imaging;
using GenWorld.Rendering.Resources;
using Silk.NET.OpenGL;

namespace GenWorld.Rendering;

/// <summary>
/// An off-screen framebuffer: RGBA8 colour texture plus 24-bit depth at a fixed size. Headless rendering draws here;
/// <see cref="ReadPixels"/> and <see cref="SavePng"/> turn the result into bytes or an image file.
/// </summary>
public sealed class RenderTarget : IDisposable
{
    private readonly GlDevice _device;
    private uint _framebuffer;
    private uint _colour;
    private uint _depth;

    /// <summary>Creates the framebuffer and checks it is complete.</summary>
    public unsafe RenderTarget(GlDevice device, int width, int height)
    {
        _device = device;
        device.ThrowIfNotOwner("create a render target");
        GL gl = device.Gl;
        int maxSize = gl.GetInteger(GetPName.MaxRenderbufferSize);
        if (width < 1 || height < 1 || width > maxSize || height > maxSize)
            throw new ArgumentOutOfRangeException(nameof(width), $"Render target {width}x{height} is outside 1..{maxSize} on {device.Renderer}.");
        (Width, Height) = (width, height);

        _framebuffer = device.Create(GlObjectKind.Framebuffer);
        _colour = device.Create(GlObjectKind.Texture);
        _depth = device.Create(GlObjectKind.Renderbuffer);

        gl.BindTexture(TextureTarget.Texture2D, _colour);
        gl.TexImage2D(TextureTarget.Texture2D, 0, InternalFormat.Rgba8, (uint)width, (uint)height, 0, PixelFormat.Rgba, PixelType.UnsignedByte, null);
        gl.TexParameter(TextureTarget.Texture2D, TextureParameterName.TextureMinFilter, (int)TextureMinFilter.Linear);
        gl.TexParameter(TextureTarget.Texture2D, TextureParameterName.TextureMagFilter, (int)TextureMagFilter.Linear);
        gl.BindTexture(TextureTarget.Texture2D, 0);
        gl.BindRenderbuffer(RenderbufferTarget.Renderbuffer, _depth);
        gl.RenderbufferStorage(RenderbufferTarget.Renderbuffer, InternalFormat.DepthComponent24, (uint)width, (uint)height);
        gl.BindRenderbuffer(RenderbufferTarget.Renderbuffer, 0);

        gl.BindFramebuffer(FramebufferTarget.Framebuffer, _framebuffer);
        gl.FramebufferTexture2D(FramebufferTarget.Framebuffer, FramebufferAttachment.ColorAttachment0, TextureTarget.Texture2D, _colour, 0);
        gl.FramebufferRenderbuffer(FramebufferTarget.Framebuffer, FramebufferAttachment.DepthAttachment, RenderbufferTarget.Renderbuffer, _depth);
        GLEnum status = gl.CheckFramebufferStatus(FramebufferTarget.Framebuffer);
        gl.BindFramebuffer(FramebufferTarget.Framebuffer, 0);
        if (status != GLEnum.FramebufferComplete)
        {
            Dispose();
            throw new GLContextException($"Render target {width}x{height} (RGBA8 + depth24) is incomplete: {status}.");
        }
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>The colour texture, for sampling or blitting the result.</summary>
    public uint ColourTexture => _colour;

    /// <summary>Directs drawing here and sets the viewport to the whole target.</summary>
    public void Bind()
    {
        ObjectDisposedException.ThrowIf(_framebuffer == 0, this);
        _device.Gl.BindFramebuffer(FramebufferTarget.Framebuffer, _framebuffer);
        _device.Gl.Viewport(0, 0, (uint)Width, (uint)Height);
    }

    /// <summary>Directs drawing back to the context's default framebuffer.</summary>
    public void Unbind() => _device.Gl.BindFramebuffer(FramebufferTarget.Framebuffer, 0);

    /// <summary>Reads the colour attachment as RGBA8 bytes, top row first. Leaves this target bound.</summary>
    public byte[] ReadPixels()
    {
        Bind();
        return PixelReadback.ReadRgba(_device.Gl, Width, Height);
    }

    /// <summary>Writes the colour attachment as a PNG, atomically.</summary>
    public void SavePng(string path) => PngImage.Save(path, ReadPixels(), Width, Height);

    /// <summary>Deletes the framebuffer and its attachments (queued to the owning thread if called elsewhere).</summary>
    public void Dispose()
    {
        _device.Delete(GlObjectKind.Framebuffer, _framebuffer);
        _device.Delete(GlObjectKind.Texture, _colour);
        _device.Delete(GlObjectKind.Renderbuffer, _depth);
        (_framebuffer, _colour, _depth) = (0, 0, 0);
    }
}
