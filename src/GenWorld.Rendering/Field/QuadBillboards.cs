using GenWorld.Rendering.Resources;
using GenWorld.Rendering.Shaders;
using Silk.NET.OpenGL;

namespace GenWorld.Rendering.Field;

/// <summary>Draws nearby objects as camera-facing textured squares, one small draw each (there are tens, not thousands).</summary>
internal sealed class QuadBillboards : IDisposable
{
    private readonly GlDevice _device;
    private readonly GlBuffer _corners;
    private readonly GlVertexArray _vao;

    public QuadBillboards(GlDevice device)
    {
        _device = device;
        _vao = new GlVertexArray(device);
        _corners = UnitQuad.Attach(device, _vao);
    }

    /// <summary>Draws <paramref name="quads"/>; returns how many had a tile (the rest are placeholders).</summary>
    public int Draw(ShaderProgram program, Camera camera, FieldStyle style, IReadOnlyList<FieldQuad> quads, TextureCache cache)
    {
        if (quads.Count == 0) return 0;
        BillboardUniforms.Apply(program, camera, style.FogStart, style.FogEnd, style.FogColour);
        program.Set("uPlaceholder", style.PlaceholderColour.ToVector4());
        program.Set("uTile", 0);
        _vao.Bind();
        int textured = 0;
        foreach (FieldQuad quad in quads)
        {
            if (quad.Tile is { } tile)
            {
                cache.Get(quad.Id, tile).Bind(0);
                textured++;
            }
            program.Set("uHasTile", quad.Tile is null ? 0 : 1);
            program.Set("uCentre", quad.Position);
            program.Set("uSize", quad.Size);
            _device.Gl.DrawArrays(PrimitiveType.TriangleStrip, 0, 4);
        }
        _device.Gl.BindVertexArray(0);
        _device.Gl.BindTexture(TextureTarget.Texture2D, 0);
        return textured;
    }

    public void Dispose()
    {
        _vao.Dispose();
        _corners.Dispose();
    }
}
