using System.Numerics;
using GenWorld.Rendering.Resources;
using GenWorld.Rendering.Shaders;
using Silk.NET.OpenGL;

namespace GenWorld.Rendering.Field;

/// <summary>
/// Region names floating over their centres: one atlas texture (rebuilt only when the regions change) and one small
/// quad per visible name. A name fades out with distance, so the regions around you are named and the far field is
/// not a wall of text, and fades out close up too, so a name does not sit in your face as you walk into its cluster.
/// Nearer names win: a name whose rectangle would overlap a nearer one's on screen is left out this frame, so
/// overlapping families never print on top of each other.
/// </summary>
internal sealed class RegionLabels : IDisposable
{
    private static readonly float[] Corners = [0, 0, 1, 0, 0, 1, 1, 1];

    private readonly GlDevice _device;
    private readonly LabelAtlas _atlas;
    private readonly GlTexture _texture;
    private readonly GlBuffer _corners;
    private readonly GlVertexArray _vao;
    private readonly List<(int Index, float Distance)> _order = [];
    private readonly List<(float X0, float Y0, float X1, float Y1)> _placed = [];
    private FieldRegion[] _built = [];
    private LabelAtlas.Entry[] _entries = [];

    public RegionLabels(GlDevice device, float fontPixels)
    {
        _device = device;
        _atlas = new LabelAtlas(fontPixels);
        _texture = new GlTexture(device, mipmaps: false, repeat: false);
        _corners = new GlBuffer(device, BufferTargetARB.ArrayBuffer, BufferUsageARB.StaticDraw);
        _corners.SetData<float>(Corners);
        _vao = new GlVertexArray(device);
        _vao.SetAttribute(0, _corners, 2, VertexAttribPointerType.Float, false, 8, 0);
    }

    /// <summary>Times the atlas was rasterised and uploaded.</summary>
    public int Uploads { get; private set; }

    /// <summary>How opaque a label is at <paramref name="distance"/> from the eye: 0 close up, 1 in the middle range, 0 past the fade end.</summary>
    public static float Opacity(float distance, FieldStyle style) =>
        SmoothStep(style.LabelNearFade * 0.5f, style.LabelNearFade, distance) * (1f - SmoothStep(style.LabelFadeStart, style.LabelFadeEnd, distance));

    /// <summary>Draws the names of <paramref name="regions"/>; returns how many were visible.</summary>
    public int Draw(ShaderProgram program, Camera camera, FieldStyle style, IReadOnlyList<FieldRegion> regions, int width, int height)
    {
        if (regions.Count == 0) return 0;
        if (!regions.SequenceEqual(_built))
        {
            (byte[] rgba, int w, int h, LabelAtlas.Entry[] entries) = _atlas.Build(regions);
            _texture.Upload(rgba, w, h);
            (_built, _entries) = ([.. regions], entries);
            Uploads++;
        }
        GL gl = _device.Gl;
        program.Use();
        program.Set("uViewProjection", camera.ViewProjection);
        program.Set("uViewport", new Vector2(width, height));
        program.Set("uAtlas", 0);
        _texture.Bind(0);
        gl.Disable(EnableCap.DepthTest);
        gl.Enable(EnableCap.Blend);
        gl.BlendFunc(BlendingFactor.One, BlendingFactor.OneMinusSrcAlpha);
        _vao.Bind();
        Vector3 forward = Vector3.Normalize(camera.Target - camera.Position);
        _order.Clear();
        for (int i = 0; i < regions.Count; i++)
        {
            Vector3 toLabel = regions[i].Centre - camera.Position;
            if (Vector3.Dot(toLabel, forward) > camera.Near) _order.Add((i, toLabel.Length())); // not behind the eye
        }
        _order.Sort((a, b) => a.Distance.CompareTo(b.Distance));
        _placed.Clear();
        Matrix4x4 viewProjection = camera.ViewProjection;
        float tw = _texture.Width, th = _texture.Height;
        int drawn = 0;
        foreach ((int i, float distance) in _order)
        {
            float alpha = Opacity(distance, style);
            if (alpha <= 0.01f) continue;
            LabelAtlas.Entry e = _entries[i];
            Vector4 clip = Vector4.Transform(new Vector4(regions[i].Centre, 1), viewProjection);
            float x = ((clip.X / clip.W) + 1) * 0.5f * width, y = ((clip.Y / clip.W) + 1) * 0.5f * height;
            (float X0, float Y0, float X1, float Y1) rect = (x - (e.Width / 2f), y, x + (e.Width / 2f), y + e.Height);
            if (_placed.Any(p => rect.X0 < p.X1 && p.X0 < rect.X1 && rect.Y0 < p.Y1 && p.Y0 < rect.Y1)) continue;
            _placed.Add(rect);
            program.Set("uCentre", regions[i].Centre);
            program.Set("uPixelSize", new Vector2(e.Width, e.Height));
            program.Set("uUvRect", new Vector4(e.X / tw, e.Y / th, (e.X + e.Width) / tw, (e.Y + e.Height) / th));
            program.Set("uAlpha", alpha);
            gl.DrawArrays(PrimitiveType.TriangleStrip, 0, 4);
            drawn++;
        }
        gl.BindVertexArray(0);
        gl.Disable(EnableCap.Blend);
        gl.Enable(EnableCap.DepthTest);
        gl.BindTexture(TextureTarget.Texture2D, 0);
        return drawn;
    }

    public void Dispose()
    {
        _vao.Dispose();
        _corners.Dispose();
        _texture.Dispose();
        _atlas.Dispose();
    }

    private static float SmoothStep(float edge0, float edge1, float x)
    {
        float t = Math.Clamp((x - edge0) / MathF.Max(edge1 - edge0, 1e-6f), 0f, 1f);
        return t * t * (3f - (2f * t));
    }
}
