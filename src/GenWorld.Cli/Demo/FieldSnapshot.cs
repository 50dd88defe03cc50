using System.Diagnostics;
using System.Numerics;
using GenWorld.Rendering;
using GenWorld.Rendering.Egl;
using GenWorld.Rendering.Points;
using GenWorld.Rendering.Shaders;
using Silk.NET.OpenGL;

namespace GenWorld.Cli.Demo;

/// <summary>
/// The native smoke check behind <c>genworld demo</c> until the latent field lands: a headless EGL render of a
/// labelled point cloud (the shape the field will have) through the real renderer, saved as a PNG.
/// </summary>
internal static class FieldSnapshot
{
    /// <summary>Renders <paramref name="count"/> points at width×height and writes the PNG; returns the frame time in ms.</summary>
    public static double Render(string pngPath, int count = 20_000, int width = 1280, int height = 720)
    {
        using var context = new EglSurfacelessContext(width, height);
        using var device = new GlDevice(context);
        using var shaders = new ShaderLibrary(device);
        using var target = new RenderTarget(device, width, height);
        using var batch = new PointBatch(device);
        batch.SetPoints(Clusters(count));
        var camera = new Camera(new Vector3(0, 6, 28), new Vector3(0, 0, 0), Vector3.UnitY, MathF.PI / 3, (float)width / height, 0.1f, 200f);
        var style = new PointStyle(new Vector3(0.03f, 0.03f, 0.06f), FogStart: 18f, FogEnd: 55f);

        long start = Stopwatch.GetTimestamp();
        target.Bind();
        device.Gl.ClearColor(style.FogColour.X, style.FogColour.Y, style.FogColour.Z, 1f);
        device.Gl.Clear(ClearBufferMask.ColorBufferBit | ClearBufferMask.DepthBufferBit);
        batch.Draw(shaders.Get("points"), camera, style);
        device.Gl.Finish();
        double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        target.SavePng(pngPath);
        target.Unbind();
        return ms;
    }

    /// <summary>Eight Gaussian clusters, one colour per "label", as a sound corpus projected to 3D looks.</summary>
    private static PointInstance[] Clusters(int count)
    {
        var random = new Random(7);
        Rgba8[] palette =
        [
            new(239, 71, 111), new(255, 209, 102), new(6, 214, 160), new(17, 138, 178),
            new(131, 56, 236), new(255, 140, 66), new(180, 230, 80), new(240, 240, 240),
        ];
        var centres = Enumerable.Range(0, palette.Length)
            .Select(i => new Vector3(MathF.Cos(i * 0.785f) * 9f, (i % 3 - 1) * 3f, MathF.Sin(i * 0.785f) * 9f)).ToArray();
        var points = new PointInstance[count];
        for (int i = 0; i < count; i++)
        {
            int label = i % palette.Length;
            var offset = new Vector3(Gaussian(random), Gaussian(random), Gaussian(random)) * 2.2f;
            points[i] = new PointInstance(centres[label] + offset, 0.12f + random.NextSingle() * 0.1f, palette[label]);
        }
        return points;
    }

    private static float Gaussian(Random random) =>
        MathF.Sqrt(-2f * MathF.Log(1f - random.NextSingle())) * MathF.Cos(2f * MathF.PI * random.NextSingle());
}
