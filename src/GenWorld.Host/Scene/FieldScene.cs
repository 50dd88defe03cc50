using System.Numerics;
using GenWorld.Rendering;
using GenWorld.Rendering.Field;
using GenWorld.Rendering.Points;
using GenWorld.World;
using GenWorld.World.Cameras;
using GenWorld.World.Emitters;

namespace GenWorld.Host.Scene;

/// <summary>
/// Hands a <see cref="LatentWorld"/> to the <see cref="FieldRenderer"/> each frame: every anchor as a point in its label
/// colour (uploaded once: the renderer skips unchanged points), each emitter's object as a textured square (its generated
/// tile once ready, a placeholder before), the ground grid below the field and a HUD with the live figures.
/// </summary>
public sealed class FieldScene : IDisposable
{
    private readonly FieldRenderer _renderer;
    private readonly PointInstance[] _points;
    private readonly Dictionary<int, (EmitterTexture Source, TileImage Tile)> _tiles = [];
    private readonly List<FieldQuad> _quads = [];

    /// <summary>Creates the renderer with fog and ground fitted to the field's extent, and the anchors' points.</summary>
    public FieldScene(GlDevice device, LatentWorld world)
    {
        float radius = world.Projection.Positions.Max(p => p.Length());
        float floor = world.Projection.Positions.Min(p => p.Y) - 2f;
        Style = new FieldStyle { FogStart = radius * 0.3f, FogEnd = radius * 1.6f, GroundHeight = floor, GridSpacing = 4f };
        _renderer = new FieldRenderer(device, Style);
        _points = [.. world.Anchors.Select(a => new PointInstance(a.Position, 0.22f, new Rgba8(a.Colour.R, a.Colour.G, a.Colour.B)))];
    }

    /// <summary>Fog and ground fitted to the field (what a bare draw of the same points needs to look the same).</summary>
    public FieldStyle Style { get; }

    /// <summary>One point per anchor, in its label colour.</summary>
    public ReadOnlySpan<PointInstance> Points => _points;

    /// <summary>The renderer underneath (its texture cache, its live figures).</summary>
    public FieldRenderer Renderer => _renderer;

    /// <summary>Draws the field as seen from <paramref name="pose"/> into the bound framebuffer.</summary>
    public void Draw(LatentWorld world, Pose pose, int width, int height, double fps, int voices, bool hud = true)
    {
        foreach (int id in world.RemovedEmitters)
        {
            _tiles.Remove(id);
            _renderer.Textures.Evict(id); // free its GL texture now rather than after the idle timeout
        }
        _quads.Clear();
        foreach (Emitter e in world.Emitters)
        {
            TileImage? tile = null;
            if (e.Texture is { } texture)
            {
                if (!_tiles.TryGetValue(e.Id, out var cached) || !ReferenceEquals(cached.Source, texture))
                    _tiles[e.Id] = cached = (texture, new TileImage(texture.Rgba, texture.Width, texture.Height));
                tile = cached.Tile;
            }
            float size = 0.5f + (0.3f * e.Gain);
            _quads.Add(new FieldQuad(e.Id, e.Position + new Vector3(0, 0.6f, 0), size, tile));
        }
        var camera = new Camera(pose.Position, pose.Target, pose.Up, MathF.PI / 3, (float)width / height, 0.05f, 500f);
        _renderer.Render(new FieldFrame(camera, _points, _quads, hud ? HudLines(world, pose, fps, voices) : null), width, height);
    }

    /// <inheritdoc/>
    public void Dispose() => _renderer.Dispose();

    private static string[] HudLines(LatentWorld world, Pose pose, double fps, int voices)
    {
        WorldStats s = world.Stats;
        string near = string.Join(", ", world.Emitters.Take(3).Select(e => e.Pitch is int p ? $"{e.LabelName} {p}" : e.LabelName));
        return
        [
            $"pos {pose.Position.X:F0} {pose.Position.Y:F0} {pose.Position.Z:F0}   {fps:F0} fps   {voices} voices",
            $"near: {near}",
            $"sound p50 {s.LatencyP50Ms:F0} ms  p99 {s.LatencyP99Ms:F0} ms  cache {100 * s.CacheHitRate:F0}%",
            $"ready before audible {100 * s.ReadyBeforeAudibleShare:F0}% of {s.EnteredEarshot}",
        ];
    }
}
