using System.Globalization;
using System.Numerics;
using GenWorld.Rendering;
using GenWorld.Rendering.Field;
using GenWorld.Rendering.Points;
using GenWorld.World;
using GenWorld.World.Cameras;
using GenWorld.World.Emitters;
using GenWorld.World.Materials;

namespace GenWorld.Host.Scene;

/// <summary>
/// Hands a <see cref="LatentWorld"/> to the <see cref="FieldRenderer"/> each frame: every anchor as a glowing point in its
/// region's colour (uploaded once: the renderer skips unchanged points), the regions' names and legend, each playing
/// emitter as a lit block wearing its generated material (swelling with its voice's envelope, fading with its voice),
/// the ground grid below the field with the nearest sound's material on it around the visitor, and a quiet HUD naming
/// the nearest sounds.
/// </summary>
public sealed class FieldScene : IDisposable
{
    /// <summary>Anchor sprite diameter in world units: the core is half of it, the rest is the halo.</summary>
    private const float PointSize = 0.42f;

    /// <summary>Edge of an emitter's block in world units: a few anchor spacings, an object beside its point, not a wall.</summary>
    private const float ObjectSize = 0.5f;

    /// <summary>Seconds the ground takes to cross-fade from one material to the next.</summary>
    private const double GroundFadeSeconds = 1.2;

    /// <summary>Radius of the material patch around the visitor, in grid spacings.</summary>
    private const float GroundPatchSpacings = 5f;

    private readonly FieldRenderer _renderer;
    private (GroundMaterial Source, TileImage Tile)? _ground, _previousGround;
    private double _groundSince;
    private readonly PointInstance[] _points;
    private readonly Dictionary<int, (EmitterTexture Source, TileImage Tile)> _tiles = [];
    private readonly List<FieldObject> _objects = [];
    private readonly EmitterEnvelope _envelopes = new();

    /// <summary>Creates the renderer with fog and ground fitted to the field's extent, the anchors' points and the regions.</summary>
    public FieldScene(GlDevice device, LatentWorld world)
    {
        float radius = world.Projection.Positions.Max(p => p.Length());
        float floor = world.Projection.Positions.Min(p => p.Y) - 2f;
        Style = new FieldStyle
        {
            FogStart = radius * 0.3f, FogEnd = radius * 1.6f, GroundHeight = floor, GridSpacing = 4f,
            LabelNearFade = Math.Max(1f, radius * 0.04f), LabelFadeStart = radius * 0.5f, LabelFadeEnd = radius * 1.3f,
        };
        _renderer = new FieldRenderer(device, Style);
        Regions = FieldRegions.Of(world.Anchors, lift: radius * 0.03f);
        _points = [.. world.Anchors.Select((a, i) => new PointInstance(a.Position, PointSize, Regions.ColourOf(i)))];
    }

    /// <summary>Fog and ground fitted to the field (what a bare draw of the same points needs to look the same).</summary>
    public FieldStyle Style { get; }

    /// <summary>The field's named regions (labels, or clusters when it has none) and each anchor's region.</summary>
    public FieldRegions Regions { get; }

    /// <summary>One point per anchor, in its region's colour.</summary>
    public ReadOnlySpan<PointInstance> Points => _points;

    /// <summary>The renderer underneath (its texture cache, its live figures).</summary>
    public FieldRenderer Renderer => _renderer;

    /// <summary>
    /// Draws the field as seen from <paramref name="pose"/> into the bound framebuffer; <paramref name="renderedFps"/> is
    /// the frames actually drawn per wall second; <paramref name="hud"/> false (presentation mode) leaves the HUD out.
    /// </summary>
    public void Draw(LatentWorld world, Pose pose, int width, int height, double renderedFps, int voices, bool hud = true)
    {
        foreach (int id in world.RemovedEmitters)
        {
            _tiles.Remove(id);
            _envelopes.Forget(id);
            _renderer.Textures.Evict(id); // free its GL texture now rather than after the idle timeout
        }
        _objects.Clear();
        foreach (Emitter e in world.Emitters)
        {
            if (e.Gain <= 0) continue; // only playing emitters take form; the rest are points like any anchor
            TileImage? tile = null;
            if (e.Texture is { } texture)
            {
                if (!_tiles.TryGetValue(e.Id, out var cached) || !ReferenceEquals(cached.Source, texture))
                    _tiles[e.Id] = cached = (texture, new TileImage(texture.Rgba, texture.Width, texture.Height));
                tile = cached.Tile;
            }
            _objects.Add(new FieldObject(e.Id, e.Position + new Vector3(0, ObjectSize, 0), ObjectSize, tile, _envelopes.At(e, world.Time), e.Gain));
        }
        var camera = new Camera(pose.Position, pose.Target, pose.Up, MathF.PI / 3, (float)width / height, 0.05f, 500f);
        _renderer.Render(new FieldFrame(camera, _points, _objects, hud ? HudLines(world, renderedFps, voices) : null, Regions.Regions, world.Time,
            GroundUnder(world, pose.Position)), width, height);
    }

    /// <inheritdoc/>
    public void Dispose() => _renderer.Dispose();

    /// <summary>
    /// The patch of ground around the visitor wearing the nearest sound's material; when the world hands a new one, the
    /// old one fades out under it over <see cref="GroundFadeSeconds"/>. Cache ids are negative (−1 − anchor), apart from the objects'.
    /// </summary>
    private GroundPatch? GroundUnder(LatentWorld world, Vector3 visitor)
    {
        if (world.Ground is { } now && !ReferenceEquals(now, _ground?.Source))
        {
            _previousGround = _ground;
            _ground = (now, new TileImage(now.Texture.Rgba, now.Texture.Width, now.Texture.Height));
            _groundSince = world.Time;
        }
        if (_ground is not { } current) return null;
        float blend = (float)Math.Clamp((world.Time - _groundSince) / GroundFadeSeconds, 0, 1);
        if (blend >= 1) _previousGround = null;
        return new GroundPatch(visitor, Style.GridSpacing * GroundPatchSpacings, Style.GridSpacing, -1 - current.Source.AnchorIndex, current.Tile,
            _previousGround is { } previous ? -1 - previous.Source.AnchorIndex : 0, _previousGround?.Tile, blend);
    }

    /// <summary>
    /// Three quiet lines: what is near (nearest first), the original recording nearest the listener (its name in the
    /// dataset and its label: which sound is this), then the frame rate actually drawn and the voices.
    /// </summary>
    internal static string[] HudLines(LatentWorld world, double renderedFps, int voices)
    {
        string near = string.Join("  ·  ", world.Emitters.Where(e => e.Gain > 0).OrderBy(e => e.Distance).Take(3)
            .Select(e => e.Pitch is int p ? $"{e.LabelName} {NoteName(p)}" : e.LabelName));
        string original = world.NearestAnchor is int i ? $"{world.AnchorSet.Anchors[i].Id}  ({world.Anchors[i].LabelName})" : "(none in earshot)";
        return
        [
            near.Length > 0 ? $"near  {near}" : "near  (silence)",
            $"original  {original}",
            $"{renderedFps.ToString(renderedFps < 10 ? "F1" : "F0", CultureInfo.InvariantCulture)} fps drawn   {voices} voices   sound p50 {world.Stats.LatencyP50Ms:F0} ms",
        ];
    }

    private static readonly string[] PitchClasses = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"];

    private static string NoteName(int midi) => $"{PitchClasses[((midi % 12) + 12) % 12]}{(midi / 12) - 1}";
}
