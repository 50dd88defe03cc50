using System.Numerics;
using System.Runtime.InteropServices;

namespace GenWorld.Rendering;

/// <summary>An 8-bit-per-channel colour, laid out R, G, B, A as GL reads <c>GL_RGBA/GL_UNSIGNED_BYTE</c>.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
public readonly record struct Rgba8(byte R, byte G, byte B, byte A = 255)
{
    /// <summary>The colour as 0..1 floats (for uniforms and clear colours).</summary>
    public Vector4 ToVector4() => new(R / 255f, G / 255f, B / 255f, A / 255f);

    /// <summary>Reads the pixel at (<paramref name="x"/>, <paramref name="y"/>) of a top-down RGBA8 image.</summary>
    public static Rgba8 At(ReadOnlySpan<byte> rgba, int width, int x, int y)
    {
        int i = ((y * width) + x) * 4;
        return new Rgba8(rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]);
    }

    /// <summary>Largest per-channel difference, for comparisons that allow rounding in the rasteriser.</summary>
    public int MaxDifference(Rgba8 other) =>
        Math.Max(Math.Max(Math.Abs(R - other.R), Math.Abs(G - other.G)), Math.Max(Math.Abs(B - other.B), Math.Abs(A - other.A)));
}
