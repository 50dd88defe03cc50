using System.Runtime.InteropServices;
using GenWorld.Rendering.Points;
using GenWorld.Rendering.Shaders;
using Silk.NET.OpenGL;

namespace GenWorld.Rendering.Field;

/// <summary>
/// Draws one frame of the latent field into the bound framebuffer: fog-coloured background, the local material on the
/// ground around the visitor, ground grid, the playing
/// emitters' lit material objects, anchor points as soft glowing sprites (one instanced draw, fog in the vertex
/// shader), region labels, the legend and the HUD. It never waits on the GPU (no finish, no read-back) and uploads only
/// what changed (points, label atlas, legend and HUD text are re-sent only when they differ). Owns every GL object it
/// makes; use and dispose it on the context's thread.
/// </summary>
public sealed class FieldRenderer : IDisposable
{
    private readonly GlDevice _device;
    private readonly ShaderLibrary _shaders;
    private readonly PointBatch _points;
    private readonly GroundGrid _grid;
    private readonly GroundMaterialPatch _groundPatch;
    private readonly MaterialObjects _objects;
    private HudOverlay? _hud;
    private RegionLabels? _labels;
    private Legend? _legend;
    private PointInstance[] _uploaded = [];
    private int _uploadedCount = -1;
    private FieldStyle _style;

    /// <summary>Creates the renderer's buffers and programs (shaders from <paramref name="shaderDirectory"/> or the default).</summary>
    public FieldRenderer(GlDevice device, FieldStyle? style = null, string? shaderDirectory = null, int textureCapacity = 64)
    {
        _style = style ?? new FieldStyle();
        _style.Validate();
        _device = device;
        device.ThrowIfNotOwner("create a field renderer");
        _shaders = new ShaderLibrary(device, shaderDirectory);
        try
        {
            foreach (string name in (string[])["field_points", "grid", "ground", "object", "hud", "label"]) _shaders.Get(name);
            _points = new PointBatch(device);
            _grid = new GroundGrid(device);
            _groundPatch = new GroundMaterialPatch(device);
            _objects = new MaterialObjects(device);
            Textures = new TextureCache(device, textureCapacity);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The look of the field; setting validates.</summary>
    public FieldStyle Style
    {
        get => _style;
        set { value.Validate(); _style = value; }
    }

    /// <summary>Material textures of the emitter objects (hits, uploads, explicit eviction).</summary>
    public TextureCache Textures { get; }

    /// <summary>What the last frame did.</summary>
    public FieldFrameStats LastFrame { get; private set; }

    /// <summary>Times the HUD text was rasterised and uploaded.</summary>
    public int HudUploads => _hud?.Uploads ?? 0;

    /// <summary>Times the region-label atlas was rasterised and uploaded.</summary>
    public int LabelUploads => _labels?.Uploads ?? 0;

    /// <summary>Draws <paramref name="frame"/> into the bound framebuffer over a <paramref name="width"/>×<paramref name="height"/> viewport.</summary>
    public void Render(in FieldFrame frame, int width, int height)
    {
        _device.ThrowIfNotOwner("render the field");
        if (width < 1 || height < 1) throw new ArgumentOutOfRangeException(nameof(width), $"Viewport {width}x{height} must be at least 1x1.");
        Camera camera = frame.Camera;
        _ = camera.Projection; // validates near/far before any GL state changes
        foreach (FieldObject o in frame.Objects)
            if (!(o.Size > 0)) throw new ArgumentException($"Object {o.Id} has size {o.Size}; it must be above 0.", nameof(frame));
        if (frame.Ground is { } g && !(g.Radius > 0 && g.TileWorldSize > 0))
            throw new ArgumentException($"Ground patch radius {g.Radius} and tile size {g.TileWorldSize} must both be above 0.", nameof(frame));

        _device.ProcessPendingDeletions();
        Textures.BeginFrame();
        bool uploaded = UploadIfChanged(frame.Points);
        FieldStyle style = _style;
        GL gl = _device.Gl;
        gl.Viewport(0, 0, (uint)width, (uint)height);
        gl.ClearColor(style.FogColour.X, style.FogColour.Y, style.FogColour.Z, 1f);
        gl.Clear(ClearBufferMask.ColorBufferBit | ClearBufferMask.DepthBufferBit);
        gl.Enable(EnableCap.DepthTest);
        gl.DepthMask(true);

        // The local material first, without depth writes, so the grid lines on the same plane draw over it.
        if (frame.Ground is { } ground) _groundPatch.Draw(_shaders.Get("ground"), camera, style, ground, Textures);
        _grid.Draw(_shaders.Get("grid"), camera, style);
        // Objects first: they are opaque-ish and write depth, the points' sprites (no depth writes) then sit behind or before them.
        int textured = _objects.Draw(_shaders.Get("object"), camera, style, frame.Objects, Textures, frame.Seconds);
        DrawPoints(camera, style, height);
        int labels = 0;
        if (frame.Regions.Count > 0)
        {
            _labels ??= new RegionLabels(_device, style.LabelFontPixels);
            labels = _labels.Draw(_shaders.Get("label"), camera, style, frame.Regions, width, height);
            if (style.Legend)
            {
                _legend ??= new Legend(_device, style.HudFontPixels);
                _legend.Draw(_shaders.Get("hud"), frame.Regions, width, height);
            }
        }
        int hudBefore = HudUploads;
        if (frame.HudLines.Count > 0)
        {
            _hud ??= new HudOverlay(_device, style.HudFontPixels);
            _hud.Draw(_shaders.Get("hud"), frame.HudLines, width, height);
        }
        int evicted = Textures.EvictIdle(style.TextureIdleFrames);
        LastFrame = new FieldFrameStats(frame.Points.Length, uploaded, frame.Objects.Count, textured, HudUploads != hudBefore, evicted, labels);
    }

    /// <summary>Deletes every GL object the renderer made (programs, buffers, textures).</summary>
    public void Dispose()
    {
        _hud?.Dispose();
        _labels?.Dispose();
        _legend?.Dispose();
        Textures?.Dispose();
        _objects?.Dispose();
        _grid?.Dispose();
        _groundPatch?.Dispose();
        _points?.Dispose();
        _shaders.Dispose();
    }

    private void DrawPoints(Camera camera, FieldStyle style, int height)
    {
        if (_points.Count == 0) return;
        ShaderProgram program = _shaders.Get("field_points");
        // Extra uniforms first: PointBatch.Draw sets the shared ones and draws; uniforms persist in the program.
        program.Use();
        program.Set("uPixelsPerUnitAtOne", height / (2f * MathF.Tan(camera.FieldOfViewY / 2f)));
        program.Set("uMinPixels", style.MinPointPixels);
        program.Set("uMaxPixels", style.MaxPointPixels);
        program.Set("uCoreRadius", style.PointCoreRadius);
        program.Set("uGlow", style.PointGlow);
        _points.Draw(program, camera, new PointStyle(style.FogColour, style.FogStart, style.FogEnd, style.EdgeSoftness), PointBlending.PremultipliedGlow);
    }

    /// <summary>Anchors rarely change: compare bytes (vectorised, ~0.1 ms for 100k) rather than re-upload 2 MB a frame.</summary>
    private bool UploadIfChanged(ReadOnlySpan<PointInstance> points)
    {
        if (points.Length == _uploadedCount &&
            MemoryMarshal.AsBytes(points).SequenceEqual(MemoryMarshal.AsBytes(_uploaded.AsSpan(0, _uploadedCount))))
            return false;
        if (_uploaded.Length < points.Length) _uploaded = new PointInstance[points.Length];
        points.CopyTo(_uploaded);
        _uploadedCount = points.Length;
        _points.SetPoints(points);
        return true;
    }
}
