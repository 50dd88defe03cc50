using System.Diagnostics;
using System.Numerics;
using GenWorld.Rendering;
using GenWorld.Rendering.Egl;
using GenWorld.Rendering.Points;
using GenWorld.Rendering.Shaders;
using Silk.NET.OpenGL;

namespace GenWorld.Benchmarks.Rendering;

/// <summary>
/// Headless frame time of the field renderer's core: instanced billboard points (points.vert/frag) at 1280x720,
/// against a clear-only frame and the same draw with 10x fewer points, all in one run on one context.
/// </summary>
public sealed class InstancedPointsBenchmark : IBenchmark
{
    private const int Width = 1280;
    private const int Height = 720;
    private static readonly Camera Eye = new(new Vector3(0, 0, 30), Vector3.Zero, Vector3.UnitY, MathF.PI / 3, (float)Width / Height, 0.1f, 200f);
    private static readonly PointStyle Style = new(new Vector3(0.02f, 0.02f, 0.05f), FogStart: 20f, FogEnd: 60f);

    /// <inheritdoc/>
    public string Name => "gl-instanced-points";

    /// <inheritdoc/>
    public IEnumerable<BenchmarkResult> Run(BenchmarkOptions options)
    {
        (int warmUp, int frames) = options.Quick ? (3, 10) : (10, 60);
        EglSurfacelessContext context = BenchScene.HeadlessContext(Width, Height);

        using (context)
        using (var device = new GlDevice(context))
        using (var shaders = new ShaderLibrary(device))
        using (var target = new RenderTarget(device, Width, Height))
        using (var batch = new PointBatch(device))
        {
            ShaderProgram program = shaders.Get("points");
            double clearOnly = MedianFrameMs(device, target, null, program, warmUp, frames);
            batch.SetPoints(BenchScene.RandomPoints(10_000, BenchScene.RandomColour));
            double tenK = MedianFrameMs(device, target, batch, program, warmUp, frames);
            batch.SetPoints(BenchScene.RandomPoints(100_000, BenchScene.RandomColour));
            double hundredK = MedianFrameMs(device, target, batch, program, warmUp, frames);
            target.SavePng(Path.Combine(options.OutputDirectory, "gl-instanced-points-100k.png"));
            // Same instances at ~1/20 the size: almost no fill, so this is the per-instance (vertex/setup) cost.
            batch.SetPoints(BenchScene.RandomPoints(100_000, BenchScene.RandomColour, sizeScale: 0.05f));
            double hundredKTiny = MedianFrameMs(device, target, batch, program, warmUp, frames);
            target.Unbind();

            string note = $"{device.Renderer}; median of {frames} frames after {warmUp} warm-up, glFinish each";
            return
            [
                new(Name, "clear only 1280x720", clearOnly, "ms/frame", Note: note),
                new(Name, "10k points 1280x720", tenK, "ms/frame", clearOnly, "clear only"),
                new(Name, "100k points 1280x720", hundredK, "ms/frame", tenK, "10k points"),
                new(Name, "100k tiny points 1280x720", hundredKTiny, "ms/frame", hundredK, "100k points",
                    "sizes x0.05: per-instance cost without fill"),
            ];
        }
    }

    private static double MedianFrameMs(GlDevice device, RenderTarget target, PointBatch? batch, ShaderProgram program, int warmUp, int frames)
    {
        GL gl = device.Gl;
        var times = new double[frames];
        for (int i = -warmUp; i < frames; i++)
        {
            long start = Stopwatch.GetTimestamp();
            target.Bind();
            gl.ClearColor(Style.FogColour.X, Style.FogColour.Y, Style.FogColour.Z, 1f);
            gl.Clear(ClearBufferMask.ColorBufferBit | ClearBufferMask.DepthBufferBit);
            batch?.Draw(program, Eye, Style);
            gl.Finish(); // the driver queues work; without this we would time the queueing, not the frame
            if (i >= 0) times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        GLEnum error = gl.GetError();
        if (error != GLEnum.NoError) throw new InvalidOperationException($"GL error {error} during the benchmark frames.");
        Array.Sort(times);
        return times[frames / 2];
    }
}
