using System.Diagnostics;
using System.Numerics;
using GenWorld.Inference;
using GenWorld.Inference.Models;
using GenWorld.Rendering;
using GenWorld.Rendering.Egl;
using GenWorld.Rendering.Field;
using GenWorld.Rendering.Points;
using GenWorld.Rendering.Shaders;
using GenWorld.World;
using GenWorld.World.Anchors;
using GenWorld.World.Cameras;
using Silk.NET.OpenGL;

using GenWorld.Benchmarks.Rendering;

namespace GenWorld.Benchmarks.World;

/// <summary>
/// Headless frame time of the whole field at 100k anchors, 1280×720: world.Update (emitters, prefetch) and a full
/// <see cref="FieldRenderer"/> frame (anchors, ground grid, one square per emitter, HUD refreshed twice a second),
/// against a bare instanced draw of the same 100k points, frames interleaved in one run on one context (target ≤ 1.2×).
/// </summary>
public sealed class WorldFrameBenchmark : IBenchmark
{
    private const int Width = 1280, Height = 720, Copies = 11;

    /// <inheritdoc/>
    public string Name => "world-frame";

    /// <inheritdoc/>
    public IEnumerable<BenchmarkResult> Run(BenchmarkOptions options)
    {
        string folder = Path.Combine(BenchmarkPaths.RepoRoot(), "models", "notes-vae");
        if (!File.Exists(Path.Combine(folder, "anchors.bin"))) throw new BenchmarkUnavailableException($"no anchors at {folder}");
        EglSurfacelessContext context = BenchScene.HeadlessContext(Width, Height);
        int frames = options.Quick ? 10 : 40;
        using ModelFolder model = ModelFolder.Open(folder, new OrtSessionFactory(_ => { }), OrtSessionSettings.Default with { IntraOpThreads = 1 });
        using LatentWorld world = LatentWorld.Create(model, Replicate(AnchorFile.Load(folder), Copies), null, new LatentWorldOptions());
        using (context)
        using (var device = new GlDevice(context))
        using (var shaders = new ShaderLibrary(device))
        using (var target = new RenderTarget(device, Width, Height))
        using (var anchors = new PointBatch(device))
        {
            PointInstance[] points = [.. world.Anchors.Select(a => new PointInstance(a.Position, 0.22f, new Rgba8(a.Colour.R, a.Colour.G, a.Colour.B)))];
            anchors.SetPoints(points);
            ShaderProgram program = shaders.Get("points");
            float radius = world.Projection.Positions.Max(p => new Vector2(p.X, p.Z).Length());
            var orbit = new OrbitCamera(Vector3.Zero, radius * 0.45f, 3f, Period: 20);
            var fieldStyle = new FieldStyle { FogStart = radius * 0.3f, FogEnd = radius * 1.6f, GroundHeight = world.Projection.Positions.Min(p => p.Y) - 2f, GridSpacing = 4f };
            var style = new PointStyle(fieldStyle.FogColour, fieldStyle.FogStart, fieldStyle.FogEnd, fieldStyle.EdgeSoftness);
            using var renderer = new FieldRenderer(device, fieldStyle);
            string[] hud = [];
            var field = new List<double>();
            var bare = new List<double>();
            for (int f = -3; f < frames; f++)
            {
                double t = (f + 3) / 30.0;
                Pose pose = orbit.At(t);
                var camera = new Camera(pose.Position, pose.Target, pose.Up, MathF.PI / 3, (float)Width / Height, 0.05f, 500f);
                double a = Frame(device, target, style, () =>
                {
                    world.Update(t, pose);
                    FieldQuad[] quads = [.. world.Emitters.Select(e => new FieldQuad(e.Id, e.Position + new Vector3(0, 0.6f, 0), 0.5f + (0.3f * e.Gain), null))];
                    if (f % 15 == 0)
                    {
                        WorldStats s = world.Stats;
                        hud = [$"pos {pose.Position.X:F0} {pose.Position.Y:F0} {pose.Position.Z:F0}", $"emitters {s.Emitters}  pending {s.Pending}", $"p99 {s.LatencyP99Ms:F0} ms"];
                    }
                    renderer.Render(new FieldFrame(camera, points, quads, hud), Width, Height);
                });
                double b = Frame(device, target, style, () => anchors.Draw(program, camera, style));
                if (f >= 0) { field.Add(a); bare.Add(b); }
            }
            target.Unbind();
            double fieldMs = WorldWalkBenchmark.Percentile(field, 0.5), bareMs = WorldWalkBenchmark.Percentile(bare, 0.5);
            string note = $"{device.Renderer}; {world.Anchors.Count:N0} anchors (the 9,276 real ones ×{Copies}, jittered); median of {frames} interleaved frames, glFinish each";
            return
            [
                new(Name, $"field frame {world.Anchors.Count / 1000}k points 1280x720", fieldMs, "ms/frame", bareMs, "bare instanced draw", note),
                new(Name, "bare instanced draw, same points", bareMs, "ms/frame"),
            ];
        }
    }

    private static double Frame(GlDevice device, RenderTarget target, PointStyle style, Action draw)
    {
        long start = Stopwatch.GetTimestamp();
        target.Bind();
        device.Gl.Viewport(0, 0, Width, Height);
        device.Gl.ClearColor(style.FogColour.X, style.FogColour.Y, style.FogColour.Z, 1f);
        device.Gl.Clear(ClearBufferMask.ColorBufferBit | ClearBufferMask.DepthBufferBit);
        draw();
        device.Gl.Finish();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    /// <summary>The real anchors repeated with a little seeded latent jitter: a denser field of the same shape.</summary>
    private static AnchorSet Replicate(AnchorSet set, int copies)
    {
        var random = new Random(3);
        int n = set.Count, d = set.LatentSize;
        var latents = new float[n * copies * d];
        var anchors = new Anchor[n * copies];
        for (int c = 0; c < copies; c++)
            for (int i = 0; i < n; i++)
            {
                int k = (c * n) + i;
                anchors[k] = set.Anchors[i] with { Index = k, Id = $"{set.Anchors[i].Id}#{c}" };
                for (int j = 0; j < d; j++) latents[(k * d) + j] = set.Latent(i)[j] + (c == 0 ? 0 : 0.08f * (random.NextSingle() - 0.5f));
            }
        return new AnchorSet(set.Header with { Count = n * copies }, anchors, latents);
    }
}
