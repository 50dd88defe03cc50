using System.Diagnostics;
using System.Numerics;
using GenWorld.Rendering;
using GenWorld.Rendering.Egl;
using GenWorld.Rendering.Field;
using GenWorld.Rendering.Points;
using GenWorld.Rendering.Shaders;
using Silk.NET.OpenGL;

namespace GenWorld.Benchmarks.Rendering;

/// <summary>
/// A full <see cref="FieldRenderer"/> frame (100k anchors as glowing sprites, grid, 8 lit material objects, 10 region
/// labels and the legend, a 2-line HUD re-rasterised every 30 frames) against the bare instanced draw of the same points
/// with <see cref="PointBatch"/>, 1280x720, same context, frames interleaved so both see the same machine load.
/// Target: ratio ≤ 1.2.
/// </summary>
public sealed class FieldFrameBenchmark : IBenchmark
{
    private const int Width = 1280;
    private const int Height = 720;
    private static readonly Camera Eye = new(new Vector3(0, 2, 30), Vector3.Zero, Vector3.UnitY, MathF.PI / 3, (float)Width / Height, 0.1f, 200f);
    private static readonly FieldStyle Style = new() { FogStart = 20f, FogEnd = 60f, GroundHeight = -13f };

    /// <inheritdoc/>
    public string Name => "gl-field-frame";

    /// <inheritdoc/>
    public IEnumerable<BenchmarkResult> Run(BenchmarkOptions options)
    {
        (int warmUp, int frames) = options.Quick ? (3, 15) : (10, 60);
        EglSurfacelessContext context = BenchScene.HeadlessContext(Width, Height);

        using (context)
        using (var device = new GlDevice(context))
        using (var shaders = new ShaderLibrary(device))
        using (var target = new RenderTarget(device, Width, Height))
        using (var batch = new PointBatch(device))
        using (var field = new FieldRenderer(device, Style))
        {
            PointInstance[] points = BenchScene.RandomPoints(100_000, (i, _) => LabelPalette.Colour(i % 10));
            batch.SetPoints(points);
            FieldObject[] objects = MakeObjects();
            // The local material in front of the eye, in view, mid cross-fade (two tiles sampled per fragment): the patch's worst case.
            var ground = new GroundPatch(new Vector3(0, 0, 12), 20f, 4f, -1, objects[0].Tile!, -2, objects[1].Tile, Blend: 0.5f);
            FieldRegion[] regions = [.. Enumerable.Range(0, 10).Select(i => new FieldRegion(new Vector3((i - 5) * 2.4f, (i % 3) - 1f, 0), $"region {i}", LabelPalette.Colour(i)))];
            ShaderProgram bare = shaders.Get("points");
            var pointStyle = new PointStyle(Style.FogColour, Style.FogStart, Style.FogEnd, Style.EdgeSoftness);
            var bareTimes = new List<double>();
            var fieldTimes = new List<double>();
            for (int i = -warmUp; i < frames; i++)
            {
                double b = Time(device, target, () => batch.Draw(bare, Eye, pointStyle));
                string[] hud = ["near  kick  ·  snare  ·  brass G3", $"{60 + (i / 30)} fps drawn   8 voices   sound p50 12 ms"];
                double seconds = i / 30.0;
                double f = Time(device, target, () => field.Render(new FieldFrame(Eye, points, objects, hud, regions, seconds, ground), Width, Height));
                if (i >= 0) { bareTimes.Add(b); fieldTimes.Add(f); }
            }
            field.Render(new FieldFrame(Eye, points, objects, ["genworld field benchmark", "100k anchors 1280x720"], regions, ground: ground), Width, Height);
            target.SavePng(Path.Combine(options.OutputDirectory, "gl-field-frame-100k.png"));
            target.Unbind();
            GLEnum error = device.Gl.GetError();
            if (error != GLEnum.NoError) throw new InvalidOperationException($"GL error {error} during the benchmark frames.");

            double bareMs = Median(bareTimes), fieldMs = Median(fieldTimes);
            string note = $"{device.Renderer}; median of {frames} interleaved frames after {warmUp} warm-up, glFinish each";
            return
            [
                new(Name, "bare PointBatch 100k 1280x720", bareMs, "ms/frame", Note: note),
                new(Name, "FieldRenderer 100k 1280x720", fieldMs, "ms/frame", bareMs, "bare PointBatch", "ground material patch (cross-fading) + grid + 8 lit objects + 10 labels + legend + HUD; target ratio <= 1.2"),
            ];
        }
    }

    private static double Time(GlDevice device, RenderTarget target, Action draw)
    {
        GL gl = device.Gl;
        long start = Stopwatch.GetTimestamp();
        target.Bind();
        gl.ClearColor(Style.FogColour.X, Style.FogColour.Y, Style.FogColour.Z, 1f);
        gl.Clear(ClearBufferMask.ColorBufferBit | ClearBufferMask.DepthBufferBit);
        draw();
        gl.Finish(); // the driver queues work; without this we would time the queueing, not the frame
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    private static double Median(List<double> times)
    {
        times.Sort();
        return times[times.Count / 2];
    }

    private static FieldObject[] MakeObjects()
    {
        var random = new Random(5);
        return [.. Enumerable.Range(0, 8).Select(i =>
        {
            var rgba = new byte[64 * 64 * 4];
            random.NextBytes(rgba);
            return new FieldObject(i, new Vector3((i - 4) * 3f, -2f, 14f), 2f, new TileImage(rgba, 64, 64), Envelope: i / 8f, Opacity: 1f);
        })];
    }
}
