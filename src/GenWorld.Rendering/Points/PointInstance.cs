using System.Numerics;
using System.Runtime.InteropServices;

namespace GenWorld.Rendering.Points;

/// <summary>One billboard point as uploaded to the instance buffer (20 bytes, matching points.vert's inputs).</summary>
/// <param name="Position">Centre in world space.</param>
/// <param name="Size">Diameter in world units.</param>
/// <param name="Colour">Colour; alpha scales opacity.</param>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public readonly record struct PointInstance(Vector3 Position, float Size, Rgba8 Colour)
{
    /// <summary>Bytes per instance.</summary>
    public const int SizeInBytes = 20;

    /// <summary>Byte offset of <see cref="Size"/>.</summary>
    public const int SizeOffset = 12;

    /// <summary>Byte offset of <see cref="Colour"/>.</summary>
    public const int ColourOffset = 16;
}
