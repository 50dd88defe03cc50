using Silk.NET.OpenGL;

namespace GenWorld.Rendering;

/// <summary>Reads pixels from the bound read framebuffer as RGBA8, top row first (GL stores the bottom row first).</summary>
public static class PixelReadback
{
    /// <summary>Reads a <paramref name="width"/>×<paramref name="height"/> rectangle from the origin of the read framebuffer.</summary>
    public static unsafe byte[] ReadRgba(GL gl, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        int stride = width * 4;
        byte[] bottomUp = new byte[stride * height];
        gl.PixelStore(PixelStoreParameter.PackAlignment, 1);
        fixed (byte* p = bottomUp)
            gl.ReadPixels(0, 0, (uint)width, (uint)height, PixelFormat.Rgba, PixelType.UnsignedByte, p);
        GLEnum error = gl.GetError();
        if (error != GLEnum.NoError)
            throw new GLContextException($"glReadPixels {width}x{height} failed with {error}.");

        byte[] topDown = new byte[bottomUp.Length];
        for (int row = 0; row < height; row++)
            bottomUp.AsSpan((height - 1 - row) * stride, stride).CopyTo(topDown.AsSpan(row * stride, stride));
        return topDown;
    }
}
