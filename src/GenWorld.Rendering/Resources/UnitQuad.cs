using Silk.NET.OpenGL;

namespace GenWorld.Rendering.Resources;

/// <summary>The four corners (±1, ±1) every billboard shader expands around its centre, as a triangle strip.</summary>
internal static class UnitQuad
{
    private static readonly float[] Corners = [-1, -1, 1, -1, -1, 1, 1, 1];

    /// <summary>Uploads the corners and binds them to attribute 0 of <paramref name="vao"/>; the caller owns the buffer.</summary>
    public static GlBuffer Attach(GlDevice device, GlVertexArray vao)
    {
        var corners = new GlBuffer(device, BufferTargetARB.ArrayBuffer, BufferUsageARB.StaticDraw);
        corners.SetData<float>(Corners);
        vao.SetAttribute(0, corners, 2, VertexAttribPointerType.Float, false, 2 * sizeof(float), 0);
        return corners;
    }
}
