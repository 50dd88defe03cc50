using Silk.NET.OpenGL;

namespace GenWorld.Rendering.Resources;

/// <summary>An RGBA8 2D texture. Re-uploading at the same size updates in place; a new size reallocates the storage.</summary>
public sealed class GlTexture : IDisposable
{
    private readonly GlDevice _device;
    private readonly bool _mipmaps;
    private uint _texture;

    /// <summary>Creates an empty texture; <paramref name="mipmaps"/> builds a mip chain on each upload (for tiles seen small).</summary>
    public GlTexture(GlDevice device, bool mipmaps, bool repeat)
    {
        _device = device;
        _mipmaps = mipmaps;
        _texture = device.Create(GlObjectKind.Texture);
        GL gl = device.Gl;
        gl.BindTexture(TextureTarget.Texture2D, _texture);
        int wrap = (int)(repeat ? TextureWrapMode.Repeat : TextureWrapMode.ClampToEdge);
        gl.TexParameter(TextureTarget.Texture2D, TextureParameterName.TextureWrapS, wrap);
        gl.TexParameter(TextureTarget.Texture2D, TextureParameterName.TextureWrapT, wrap);
        gl.TexParameter(TextureTarget.Texture2D, TextureParameterName.TextureMinFilter,
            (int)(mipmaps ? TextureMinFilter.LinearMipmapLinear : TextureMinFilter.Nearest));
        gl.TexParameter(TextureTarget.Texture2D, TextureParameterName.TextureMagFilter, (int)(mipmaps ? TextureMagFilter.Linear : TextureMagFilter.Nearest));
        gl.BindTexture(TextureTarget.Texture2D, 0);
    }

    /// <summary>The GL texture object.</summary>
    public uint Handle => _texture;

    /// <summary>Width of the last upload in pixels (0 before any).</summary>
    public int Width { get; private set; }

    /// <summary>Height of the last upload in pixels.</summary>
    public int Height { get; private set; }

    /// <summary>Uploads RGBA8 pixels, top row first (row 0 lands at texture coordinate v = 0).</summary>
    public unsafe void Upload(ReadOnlySpan<byte> rgba, int width, int height)
    {
        ObjectDisposedException.ThrowIf(_texture == 0, this);
        if (width < 1 || height < 1 || rgba.Length != width * height * 4)
            throw new ArgumentException($"Expected {width}x{height}x4 bytes of RGBA8, got {rgba.Length}.", nameof(rgba));
        GL gl = _device.Gl;
        gl.BindTexture(TextureTarget.Texture2D, _texture);
        gl.PixelStore(PixelStoreParameter.UnpackAlignment, 1);
        fixed (byte* p = rgba)
        {
            if (width == Width && height == Height)
                gl.TexSubImage2D(TextureTarget.Texture2D, 0, 0, 0, (uint)width, (uint)height, PixelFormat.Rgba, PixelType.UnsignedByte, p);
            else
                gl.TexImage2D(TextureTarget.Texture2D, 0, InternalFormat.Rgba8, (uint)width, (uint)height, 0, PixelFormat.Rgba, PixelType.UnsignedByte, p);
        }
        if (_mipmaps) gl.GenerateMipmap(TextureTarget.Texture2D);
        gl.BindTexture(TextureTarget.Texture2D, 0);
        (Width, Height) = (width, height);
    }

    /// <summary>Binds the texture to texture unit <paramref name="unit"/>.</summary>
    public void Bind(int unit = 0)
    {
        ObjectDisposedException.ThrowIf(_texture == 0, this);
        _device.Gl.ActiveTexture(TextureUnit.Texture0 + unit);
        _device.Gl.BindTexture(TextureTarget.Texture2D, _texture);
    }

    /// <summary>Deletes the texture (queued to the owning thread if called elsewhere).</summary>
    public void Dispose()
    {
        _device.Delete(GlObjectKind.Texture, _texture);
        _texture = 0;
    }
}
