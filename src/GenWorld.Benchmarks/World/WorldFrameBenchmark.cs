using System.Diagnostics;
using System.Numerics;
using GenWorld.Audio.Output;
using GenWorld.Host;
using GenWorld.Host.Clocks;
using GenWorld.Host.Scene;
using GenWorld.Inference;
using GenWorld.Inference.Models;
using GenWorld.Rendering;
using GenWorld.Rendering.Egl;
using GenWorld.Rendering.Points;
using GenWorld.Rendering.Shaders;
using GenWorld.World;
using GenWorld.World.Anchors;
using GenWorld.World.Cameras;
using Silk.NET.OpenGL;

using GenWorld.Benchmarks.Rendering;

namespace GenWorld.Benchmarks.World;

/// <summary>
/// Headless frame time of the whole field at 100k anchors, 1280×720: one <see cref="WorldHost"/> frame (world.Update,
/// voices on the null output, and the full field frame: anchors, ground grid, one square per emitter, HUD),
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
        using (var audio = new NullAudioOutput("benchmark: picture only"))
        using (var host = new WorldHost(world, new FixedStepClock(30), context, audio))
        using (var shaders = new ShaderLibrary(host.Device!))
        using (var anchors = new PointBatch(host.Device!))
        {
            // The field frame is the host's own frame; the baseline draws the scene's points with the scene's fog.
            GlDevice device = host.Device!;
            FieldScene scene = host.Scene!;
            anchors.SetPoints(scene.Points);
            ShaderProgram program = shaders.Get("points");
            var style = new PointStyle(scene.Style.FogColour, scene.Style.FogStart, scene.Style.FogEnd, scene.Style.EdgeSoftness);
            float radius = world.Projection.Positions.Max(p => new Vector2(p.X, p.Z).Length());
            var orbit = new OrbitCamera(Vector3.Zero, radius * 0.45f, 3f, Period: 20);
            var field = new List<double>();
            var bare = new List<double>();
            for (int f = -3; f < frames; f++)
            {
                Pose pose = default;
                double a = Time(device, () => pose = host.Step((t, _) => orbit.At(t)).Pose);
                var camera = new Camera(pose.Position, pose.Target, pose.Up, MathF.PI / 3, (float)Width / Height, 0.05f, 500f);
                double b = Time(device, () =>
                {
                    host.Target!.Bind();
                    device.Gl.Viewport(0, 0, Width, Height);
                    device.Gl.ClearColor(style.FogColour.X, style.FogColour.Y, style.FogColour.Z, 1f);
                    device.Gl.Clear(ClearBufferMask.ColorBufferBit | ClearBufferMask.DepthBufferBit);
                    anchors.Draw(program, camera, style);
                });
                if (f >= 0) { field.Add(a); bare.Add(b); }
            }
            double fieldMs = WorldWalkBenchmark.Percentile(field, 0.5), bareMs = WorldWalkBenchmark.Percentile(bare, 0.5);
            string note = $"{device.Renderer}; {world.Anchors.Count:N0} anchors (the {world.Anchors.Count / Copies:N0} real ones ×{Copies}, jittered); median of {frames} interleaved frames, glFinish each";
            return
            [
                new(Name, $"field frame {world.Anchors.Count / 1000}k points 1280x720", fieldMs, "ms/frame", bareMs, "bare instanced draw", note),
                new(Name, "bare instanced draw, same points", bareMs, "ms/frame"),
            ];
        }
    }

    /// <summary>Wall time of <paramref name="frame"/> until the GPU has finished it.</summary>
    private static double Time(GlDevice device, Action frame)
    {
        long start = Stopwatch.GetTimestamp();
        frame();
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
