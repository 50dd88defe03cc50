using GenWorld.Rendering.Resources;
using GenWorld.Rendering.Shaders;
using Silk.NET.OpenGL;

namespace GenWorld.Rendering.Points;

/// <summary>
/// Draws many points as instanced billboards with the <c>points</c> shader: one shared 4-corner quad, one instance
/// buffer of <see cref="PointInstance"/>, one draw call.
/// </summary>
public sealed class PointBatch : IDisposable
{
    private readonly GlDevice _device;
    private readonly GlBuffer _corners;
    private readonly GlBuffer _instances;
    private readonly GlVertexArray _vao;

    /// <summary>Creates the buffers and vertex layout.</summary>
    public PointBatch(GlDevice device)
    {
        _device = device;
        _instances = new GlBuffer(device, BufferTargetARB.ArrayBuffer, BufferUsageARB.DynamicDraw);
        _vao = new GlVertexArray(device);
        _corners = UnitQuad.Attach(device, _vao);
        _vao.SetAttribute(1, _instances, 3, VertexAttribPointerType.Float, false, PointInstance.SizeInBytes, 0, divisor: 1);
        _vao.SetAttribute(2, _instances, 1, VertexAttribPointerType.Float, false, PointInstance.SizeInBytes, PointInstance.SizeOffset, divisor: 1);
        _vao.SetAttribute(3, _instances, 4, VertexAttribPointerType.UnsignedByte, true, PointInstance.SizeInBytes, PointInstance.ColourOffset, divisor: 1);
    }

    /// <summary>Points uploaded by the last <see cref="SetPoints"/>.</summary>
    public int Count { get; private set; }

    /// <summary>Replaces the points drawn.</summary>
    public void SetPoints(ReadOnlySpan<PointInstance> points)
    {
        _instances.SetData(points);
        Count = points.Length;
    }

    /// <summary>
    /// Draws all points with <paramref name="program"/> (the <c>points</c> shader, or one with the same inputs) into the
    /// bound framebuffer, blended as <paramref name="blending"/> says.
    /// </summary>
    public void Draw(ShaderProgram program, Camera camera, PointStyle style, PointBlending blending = PointBlending.Alpha)
    {
        style.Validate();
        if (Count == 0) return;
        GL gl = _device.Gl;
        BillboardUniforms.Apply(program, camera, style.FogStart, style.FogEnd, style.FogColour);
        program.Set("uEdgeSoftness", style.EdgeSoftness);

        // Soft rims need blending. Alpha: depth writes stay on so near points hide far ones without sorting. Glow: the
        // halos must add up where points overlap, so no depth writes (a halo would hide the points behind it); the depth
        // test stays, so the ground and solid objects still hide points behind them.
        gl.Enable(EnableCap.DepthTest);
        gl.Enable(EnableCap.Blend);
        if (blending == PointBlending.PremultipliedGlow)
        {
            gl.BlendFunc(BlendingFactor.One, BlendingFactor.OneMinusSrcAlpha);
            gl.DepthMask(false);
        }
        else
        {
            gl.BlendFunc(BlendingFactor.SrcAlpha, BlendingFactor.OneMinusSrcAlpha);
        }
        _vao.Bind();
        gl.DrawArraysInstanced(PrimitiveType.TriangleStrip, 0, 4, (uint)Count);
        gl.BindVertexArray(0);
        gl.DepthMask(true);
        gl.Disable(EnableCap.Blend);
    }

    /// <summary>Deletes the buffers and vertex array.</summary>
    public void Dispose()
    {
        _vao.Dispose();
        _instances.Dispose();
        _corners.Dispose();
    }
}
