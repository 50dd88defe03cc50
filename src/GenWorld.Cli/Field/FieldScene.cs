using System.Numerics;
using GenWorld.Rendering;
using GenWorld.Rendering.Points;
using GenWorld.Rendering.Shaders;
using GenWorld.World;
using GenWorld.World.Cameras;
using GenWorld.World.Emitters;
using Silk.NET.OpenGL;

namespace GenWorld.Cli.Field;

/// <summary>
/// Draws a <see cref="LatentWorld"/> with the renderer that exists today: every anchor as an instanced billboard in its
/// label colour (uploaded once), and the emitters as larger points on top (white while their sound is generating,
/// their texture's mean colour once it is ready, brighter when audible). To be replaced by FieldRenderer.
/// </summary>
internal sealed class FieldScene : IDisposable
{
    public static readonly Vector3 Background = new(0.02f, 0.02f, 0.05f);
    private readonly GlDevice _device;
    private readonly ShaderLibrary _shaders;
    private readonly PointBatch _anchors;
    private readonly PointBatch _emitters;
    private readonly PointStyle _style;
    private readonly Dictionary<int, Rgba8> _textureTints = [];
    private readonly List<PointInstance> _emitterPoints = [];

    public FieldScene(GlDevice device, LatentWorld world)
    {
        _device = device;
        _shaders = new ShaderLibrary(device);
        _anchors = new PointBatch(device);
        _emitters = new PointBatch(device);
        float radius = world.Projection.Positions.Max(p => p.Length());
        _style = new PointStyle(Background, FogStart: radius * 0.35f, FogEnd: radius * 1.6f);
        _anchors.SetPoints([.. world.Anchors.Select(a => new PointInstance(a.Position, 0.22f, new Rgba8(a.Colour.R, a.Colour.G, a.Colour.B)))]);
    }

    public int AnchorCount => _anchors.Count;

    /// <summary>Clears and draws the field as seen from <paramref name="pose"/> into the bound framebuffer.</summary>
    public void Draw(LatentWorld world, Pose pose, int width, int height)
    {
        foreach (int id in world.RemovedEmitters) _textureTints.Remove(id);
        _emitterPoints.Clear();
        foreach (Emitter e in world.Emitters)
        {
            if (e.Texture is { } texture && !_textureTints.ContainsKey(e.Id)) _textureTints[e.Id] = MeanColour(texture);
            Rgba8 colour = e.State != EmitterState.Ready ? new Rgba8(255, 255, 255, 140)
                : _textureTints.TryGetValue(e.Id, out Rgba8 tint) ? tint : new Rgba8(255, 230, 150);
            float size = e.IsAudible ? 0.35f + (0.2f * e.Gain) : 0.25f;
            _emitterPoints.Add(new PointInstance(e.Position + new Vector3(0, 0.35f, 0), size, colour));
        }
        _emitters.SetPoints([.. _emitterPoints]);

        GL gl = _device.Gl;
        gl.ClearColor(Background.X, Background.Y, Background.Z, 1f);
        gl.Clear(ClearBufferMask.ColorBufferBit | ClearBufferMask.DepthBufferBit);
        var camera = new Camera(pose.Position, pose.Target, pose.Up, MathF.PI / 3, (float)width / height, 0.05f, 500f);
        ShaderProgram program = _shaders.Get("points");
        _anchors.Draw(program, camera, _style);
        _emitters.Draw(program, camera, _style);
    }

    public void Dispose()
    {
        _emitters.Dispose();
        _anchors.Dispose();
        _shaders.Dispose();
    }

    private static Rgba8 MeanColour(EmitterTexture texture)
    {
        long r = 0, g = 0, b = 0;
        int pixels = texture.Width * texture.Height;
        for (int i = 0; i < pixels; i++) { r += texture.Rgba[i * 4]; g += texture.Rgba[(i * 4) + 1]; b += texture.Rgba[(i * 4) + 2]; }
        // Generated materials are dark and brown; lift them so the marker stays visible against the background.
        static byte Lift(long sum, int n) => (byte)Math.Min(255, 80 + (sum / n));
        return new Rgba8(Lift(r, pixels), Lift(g, pixels), Lift(b, pixels));
    }
}
