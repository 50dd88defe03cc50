using GenWorld.Rendering.Resources;
using GenWorld.Rendering.Shaders;
using Silk.NET.OpenGL;

namespace GenWorld.Rendering.Field;

/// <summary>
/// The ground reference: a square of GL lines on a horizontal plane that follows the camera in whole grid steps.
/// Lines rather than a full-screen procedural plane: on a software rasteriser they cost a few thousand pixels, not a
/// half-screen of fragment shading.
/// </summary>
internal sealed class GroundGrid : IDisposable
{
    private readonly GlDevice _device;
    private readonly GlBuffer _vertices;
    private readonly GlVertexArray _vao;
    private (float Spacing, int HalfLines) _built;
    private int _vertexCount;

    public GroundGrid(GlDevice device)
    {
        _device = device;
        _vertices = new GlBuffer(device, BufferTargetARB.ArrayBuffer, BufferUsageARB.StaticDraw);
        _vao = new GlVertexArray(device);
        _vao.SetAttribute(0, _vertices, 3, VertexAttribPointerType.Float, false, 12, 0);
    }

    public void Draw(ShaderProgram program, Camera camera, FieldStyle style)
    {
        if (style.GroundHeight is not { } height) return;
        Rebuild(style.GridSpacing, style.GridHalfLines);
        float s = style.GridSpacing;
        var offset = new System.Numerics.Vector3(MathF.Round(camera.Position.X / s) * s, height, MathF.Round(camera.Position.Z / s) * s);
        program.Use();
        program.Set("uViewProjection", camera.ViewProjection);
        program.Set("uOffset", offset);
        program.Set("uColour", style.GridColour);
        program.Set("uFogColour", style.FogColour);
        program.Set("uCameraPosition", camera.Position);
        program.Set("uFogStart", style.FogStart);
        program.Set("uFogEnd", style.FogEnd);
        _vao.Bind();
        _device.Gl.DrawArrays(PrimitiveType.Lines, 0, (uint)_vertexCount);
        _device.Gl.BindVertexArray(0);
    }

    public void Dispose()
    {
        _vao.Dispose();
        _vertices.Dispose();
    }

    private void Rebuild(float spacing, int halfLines)
    {
        if (_built == (spacing, halfLines)) return;
        float extent = spacing * halfLines;
        var data = new List<float>((2 * halfLines + 1) * 12);
        for (int i = -halfLines; i <= halfLines; i++)
        {
            float t = i * spacing;
            data.AddRange([t, 0, -extent, t, 0, extent]);   // along z
            data.AddRange([-extent, 0, t, extent, 0, t]);   // along x
        }
        _vertices.SetData<float>(data.ToArray());
        _vertexCount = data.Count / 3;
        _built = (spacing, halfLines);
    }
}
