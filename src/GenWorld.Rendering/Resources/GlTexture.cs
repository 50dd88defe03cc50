using System.Buffers;
using Silk.NET.OpenGL;

namespace GenWorld.Rendering.Resources;

/// <summary>An RGBA8 2D texture. Re-uploading at the same size updates in place; a new size reallocates the storage.</summary>
public sealed class GlTexture : IDisposable
{
    private readonly GlDevice _device;
    private readonly bool _mipmaps;
    private uint _texture;

    /// <summary>Creates an empty texture; <paramref name="mipmaps"/> builds a mip chain on each upload (for tiles seen small), on the CPU (<see cref="MipChain"/>).</summary>
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
    public void Upload(ReadOnlySpan<byte> rgba, int width, int height)
    {
        ObjectDisposedException.ThrowIf(_texture == 0, this);
        if (width < 1 || height < 1 || rgba.Length != width * height * 4)
            throw new ArgumentException($"Expected {width}x{height}x4 bytes of RGBA8, got {rgba.Length}.", nameof(rgba));
        GL gl = _device.Gl;
        gl.BindTexture(TextureTarget.Texture2D, _texture);
        gl.PixelStore(PixelStoreParameter.UnpackAlignment, 1);
        bool sameSize = width == Width && height == Height;
        UploadLevel(gl, 0, rgba, width, height, sameSize);
        if (_mipmaps)
        {
            // The chain on the CPU, level by level (see MipChain: glGenerateMipmap waits for llvmpipe's raster).
            int levels = MipChain.LevelsBelow(width, height);
            byte[] scratch = ArrayPool<byte>.Shared.Rent(Math.Max(1, width / 2) * Math.Max(1, height / 2) * 8);
            try
            {
                Span<byte> above = scratch.AsSpan(0, scratch.Length / 2), below = scratch.AsSpan(scratch.Length / 2);
                ReadOnlySpan<byte> level = rgba;
                (int w, int h) = (width, height);
                for (int k = 1; k <= levels; k++)
                {
                    (int nw, int nh) = MipChain.Halve(level, w, h, below);
                    UploadLevel(gl, k, below[..(nw * nh * 4)], nw, nh, sameSize);
                    level = below[..(nw * nh * 4)];
                    (w, h) = (nw, nh);
                    Span<byte> swap = above;
                    above = below;
                    below = swap;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(scratch);
            }
            gl.TexParameter(TextureTarget.Texture2D, TextureParameterName.TextureMaxLevel, levels);
        }
        gl.BindTexture(TextureTarget.Texture2D, 0);
        (Width, Height) = (width, height);
    }

    private static unsafe void UploadLevel(GL gl, int level, ReadOnlySpan<byte> rgba, int width, int height, bool inPlace)
    {
        fixed (byte* p = rgba)
        {
            if (inPlace)
                gl.TexSubImage2D(TextureTarget.Texture2D, level, 0, 0, (uint)width, (uint)height, PixelFormat.Rgba, PixelType.UnsignedByte, p);
            else
                gl.TexImage2D(TextureTarget.Texture2D, level, InternalFormat.Rgba8, (uint)width, (uint)height, 0, PixelFormat.Rgba, PixelType.UnsignedByte, p);
        }
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
