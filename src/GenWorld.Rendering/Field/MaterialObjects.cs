using System.Numerics;
using GenWorld.Rendering.Resources;
using GenWorld.Rendering.Shaders;
using Silk.NET.OpenGL;

namespace GenWorld.Rendering.Field;

/// <summary>
/// Draws the playing emitters' objects: each a rounded block wearing its generated material (or the placeholder colour
/// while it is made), lit, turning slowly, swelling with its voice's envelope and fading with the voice. One small draw
/// per object (there are a handful, not thousands); back faces culled, so a fading block shows only its near side.
/// </summary>
internal sealed class MaterialObjects : IDisposable
{
    /// <summary>Radians per second of the slow turn.</summary>
    private const float TurnRate = 0.35f;

    /// <summary>How much a full-envelope voice swells its object.</summary>
    private const float PulseScale = 0.22f;

    private readonly GlDevice _device;
    private readonly GlBuffer _mesh;
    private readonly GlVertexArray _vao;
    private readonly int _vertices;

    public MaterialObjects(GlDevice device)
    {
        _device = device;
        float[] mesh = RoundedBlockMesh.Build();
        _vertices = mesh.Length / RoundedBlockMesh.Stride;
        _mesh = new GlBuffer(device, BufferTargetARB.ArrayBuffer, BufferUsageARB.StaticDraw);
        _mesh.SetData<float>(mesh);
        _vao = new GlVertexArray(device);
        const int stride = RoundedBlockMesh.Stride * sizeof(float);
        _vao.SetAttribute(0, _mesh, 3, VertexAttribPointerType.Float, false, stride, 0);
        _vao.SetAttribute(1, _mesh, 3, VertexAttribPointerType.Float, false, stride, 3 * sizeof(float));
        _vao.SetAttribute(2, _mesh, 2, VertexAttribPointerType.Float, false, stride, 6 * sizeof(float));
    }

    /// <summary>
    /// The object's placement at <paramref name="seconds"/>: turned about a tilted axis from an angle its id picks,
    /// scaled by its size, its envelope (swell) and its opacity (it grows in as the voice fades in), then moved to its place.
    /// </summary>
    public static Matrix4x4 Model(in FieldObject o, double seconds)
    {
        float angle = (float)((seconds * TurnRate) + (o.Id * 2.399963)) % (2 * MathF.PI);
        float scale = o.Size * (1f + (PulseScale * o.Envelope)) * (0.6f + (0.4f * o.Opacity));
        return Matrix4x4.CreateScale(scale) * Matrix4x4.CreateRotationX(0.35f) * Matrix4x4.CreateRotationY(angle) *
            Matrix4x4.CreateTranslation(o.Position);
    }

    /// <summary>Draws <paramref name="objects"/>; returns how many wore their material (the rest are placeholders).</summary>
    public int Draw(ShaderProgram program, Camera camera, FieldStyle style, IReadOnlyList<FieldObject> objects, TextureCache cache, double seconds)
    {
        if (objects.Count == 0) return 0;
        GL gl = _device.Gl;
        BillboardUniforms.Apply(program, camera, style.FogStart, style.FogEnd, style.FogColour);
        program.Set("uPlaceholder", style.PlaceholderColour.ToVector4());
        program.Set("uTile", 0);
        gl.Enable(EnableCap.DepthTest);
        gl.Enable(EnableCap.CullFace);
        gl.Enable(EnableCap.Blend);
        // Colour blends; the framebuffer's alpha stays 1, or read-back frames (PNG) come out see-through where this is faded.
        gl.BlendFuncSeparate(BlendingFactor.SrcAlpha, BlendingFactor.OneMinusSrcAlpha, BlendingFactor.Zero, BlendingFactor.One);
        _vao.Bind();
        int textured = 0;
        // Far objects first, so a fading near one blends over them rather than hiding them in the depth buffer.
        IEnumerable<FieldObject> backToFront = objects.OrderByDescending(o => Vector3.DistanceSquared(o.Position, camera.Position));
        foreach (FieldObject o in backToFront)
        {
            // Close to the eye or at the frame's edge an object fades out rather than filling the view or being cut.
            float opacity = Math.Clamp(o.Opacity, 0f, 1f) * NearFade(Vector3.Distance(o.Position, camera.Position), o.Size) *
                EdgeFade(Vector4.Transform(new Vector4(o.Position, 1), camera.ViewProjection));
            if (opacity <= 0.01f) continue;
            if (o.Tile is { } tile)
            {
                cache.Get(o.Id, tile).Bind(0);
                textured++;
            }
            program.Set("uHasTile", o.Tile is null ? 0 : 1);
            program.Set("uModel", Model(o, seconds));
            program.Set("uEnvelope", Math.Clamp(o.Envelope, 0f, 1f));
            program.Set("uOpacity", opacity);
            // A fading block must not punch a dark hole in the points behind it: only a solid one writes depth.
            gl.DepthMask(opacity >= 0.95f);
            gl.DrawArrays(PrimitiveType.Triangles, 0, (uint)_vertices);
        }
        gl.BindVertexArray(0);
        gl.DepthMask(true);
        gl.Disable(EnableCap.CullFace);
        gl.Disable(EnableCap.Blend);
        gl.BindTexture(TextureTarget.Texture2D, 0);
        return textured;
    }

    /// <summary>1 from eight object sizes away, 0 within three: nothing fills the view as you walk up to it.</summary>
    internal static float NearFade(float distance, float size) => SmoothStep(3f * size, 8f * size, distance);

    /// <summary>1 inside the central 80 % of the frame, 0 at its edge (from the centre's clip position): no object is cut in half.</summary>
    internal static float EdgeFade(Vector4 clip) =>
        clip.W <= 0 ? 0f : 1f - SmoothStep(0.8f, 1f, MathF.Max(MathF.Abs(clip.X / clip.W), MathF.Abs(clip.Y / clip.W)));

    private static float SmoothStep(float edge0, float edge1, float x)
    {
        float t = Math.Clamp((x - edge0) / (edge1 - edge0), 0f, 1f);
        return t * t * (3f - (2f * t));
    }

    public void Dispose()
    {
        _vao.Dispose();
        _mesh.Dispose();
    }
}
