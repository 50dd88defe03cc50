using GenWorld.Rendering.Resources;
using GenWorld.Rendering.Shaders;
using Silk.NET.OpenGL;

namespace GenWorld.Rendering.Field;

/// <summary>
/// Draws a <see cref="GroundPatch"/>: one quad on the ground plane, its material sampled in world space, blended over
/// the background without writing depth (the grid lines on the same plane then draw over it, not fight it).
/// </summary>
internal sealed class GroundMaterialPatch : IDisposable
{
    /// <summary>The generated tiles are dark (mean ~0.3); lifted a little so the floor reads through the fog, unlit.</summary>
    private const float Brightness = 1.1f;

    private readonly GlDevice _device;
    private readonly GlBuffer _quad;
    private readonly GlVertexArray _vao;

    public GroundMaterialPatch(GlDevice device)
    {
        _device = device;
        _quad = new GlBuffer(device, BufferTargetARB.ArrayBuffer, BufferUsageARB.StaticDraw);
        _quad.SetData<float>([-1, -1, 1, -1, 1, 1, -1, -1, 1, 1, -1, 1]);
        _vao = new GlVertexArray(device);
        _vao.SetAttribute(0, _quad, 2, VertexAttribPointerType.Float, false, 8, 0);
    }

    public void Draw(ShaderProgram program, Camera camera, FieldStyle style, in GroundPatch patch, TextureCache cache)
    {
        if (style.GroundHeight is not { } height) return;
        GL gl = _device.Gl;
        program.Use();
        program.Set("uViewProjection", camera.ViewProjection);
        program.Set("uCentre", new System.Numerics.Vector3(patch.Centre.X, height, patch.Centre.Z));
        program.Set("uRadius", patch.Radius);
        program.Set("uTileWorldSize", patch.TileWorldSize);
        program.Set("uBlend", patch.Previous is null ? 1f : Math.Clamp(patch.Blend, 0f, 1f));
        program.Set("uBrightness", Brightness);
        program.Set("uFogColour", style.FogColour);
        program.Set("uCameraPosition", camera.Position);
        program.Set("uFogStart", style.FogStart);
        program.Set("uFogEnd", style.FogEnd);
        program.Set("uCurrent", 0);
        program.Set("uPrevious", 1);
        // Both fetched before either is bound: an upload inside Get binds to the active unit.
        GlTexture current = cache.Get(patch.CurrentId, patch.Current);
        GlTexture previous = patch.Previous is { } tile ? cache.Get(patch.PreviousId, tile) : current;
        current.Bind(0);
        previous.Bind(1);
        gl.Enable(EnableCap.Blend);
        // Colour blends; the framebuffer's alpha stays 1, or read-back frames (PNG) come out see-through where this is faded.
        gl.BlendFuncSeparate(BlendingFactor.SrcAlpha, BlendingFactor.OneMinusSrcAlpha, BlendingFactor.Zero, BlendingFactor.One);
        gl.DepthMask(false);
        _vao.Bind();
        gl.DrawArrays(PrimitiveType.Triangles, 0, 6);
        gl.BindVertexArray(0);
        gl.DepthMask(true);
        gl.Disable(EnableCap.Blend);
        gl.ActiveTexture(TextureUnit.Texture1);
        gl.BindTexture(TextureTarget.Texture2D, 0);
        gl.ActiveTexture(TextureUnit.Texture0);
        gl.BindTexture(TextureTarget.Texture2D, 0);
    }

    public void Dispose()
    {
        _vao.Dispose();
        _quad.Dispose();
    }
}
