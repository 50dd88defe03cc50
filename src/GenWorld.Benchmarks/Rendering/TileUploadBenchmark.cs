using System.Diagnostics;
using System.Numerics;
using GenWorld.Rendering;
using GenWorld.Rendering.Points;
using GenWorld.Rendering.Resources;
using GenWorld.Rendering.Shaders;
using Silk.NET.OpenGL;

namespace GenWorld.Benchmarks.Rendering;

/// <summary>
/// What a new material costs the thread that draws: uploading a generated tile with its mip chain while the last
/// frame (100k points at 1280x720) is still being rasterised, as in a drawn world. <see cref="GlTexture"/> builds the
/// chain on the CPU (<see cref="MipChain"/>); the in-run baseline uploads the same tile and calls glGenerateMipmap, as
/// it did before. Timed on the calling thread, without waiting for the frame.
/// </summary>
public sealed class TileUploadBenchmark : IBenchmark
{
    private const int Width = 1280, Height = 720;
    private static readonly Camera Eye = new(new Vector3(0, 0, 30), Vector3.Zero, Vector3.UnitY, MathF.PI / 3, (float)Width / Height, 0.1f, 200f);
    private static readonly PointStyle Style = new(new Vector3(0.02f, 0.02f, 0.05f), FogStart: 20f, FogEnd: 60f);

    /// <inheritdoc/>
    public string Name => "gl-tile-upload";

    /// <inheritdoc/>
    public IEnumerable<BenchmarkResult> Run(BenchmarkOptions options)
    {
        int trials = options.Quick ? 10 : 60;
        using var context = BenchScene.HeadlessContext(Width, Height);
        using var device = new GlDevice(context);
        using var shaders = new ShaderLibrary(device);
        using var target = new RenderTarget(device, Width, Height);
        using var batch = new PointBatch(device);
        batch.SetPoints(BenchScene.RandomPoints(100_000, BenchScene.RandomColour));
        ShaderProgram program = shaders.Get("points");
        var results = new List<BenchmarkResult>();
        foreach (int size in new[] { 64, 256 })
        {
            byte[] tile = new byte[size * size * 4];
            new Random(size).NextBytes(tile);
            var cpu = new List<double>();
            var gpu = new List<double>();
            for (int i = -3; i < trials; i++)
            {
                // Alternate which goes first, so neither always meets the raster at the same point of the frame.
                bool cpuFirst = i % 2 == 0;
                double a = Timed(device, target, batch, program, cpuFirst ? () => UploadCpuChain(device, tile, size) : () => UploadGenerateMipmap(device, tile, size));
                double b = Timed(device, target, batch, program, cpuFirst ? () => UploadGenerateMipmap(device, tile, size) : () => UploadCpuChain(device, tile, size));
                if (i < 0) continue;
                (cpuFirst ? cpu : gpu).Add(a);
                (cpuFirst ? gpu : cpu).Add(b);
            }
            target.Unbind();
            string note = $"{device.Renderer}; {trials} uploads each, a 100k-point frame in flight";
            results.Add(new(Name, $"{size} px tile + mips, p50 (CPU chain)", Inference.BenchModel.Percentile(cpu, 0.5), "ms", Inference.BenchModel.Percentile(gpu, 0.5), "glGenerateMipmap", note));
            results.Add(new(Name, $"{size} px tile + mips, p90 (CPU chain)", Inference.BenchModel.Percentile(cpu, 0.9), "ms", Inference.BenchModel.Percentile(gpu, 0.9), "glGenerateMipmap", note));
        }
        return results;
    }

    /// <summary>Starts a frame (drawn and flushed, not waited for), times <paramref name="upload"/>, then lets the frame finish.</summary>
    private static double Timed(GlDevice device, RenderTarget target, PointBatch batch, ShaderProgram program, Action upload)
    {
        GL gl = device.Gl;
        target.Bind();
        gl.ClearColor(Style.FogColour.X, Style.FogColour.Y, Style.FogColour.Z, 1f);
        gl.Clear(ClearBufferMask.ColorBufferBit | ClearBufferMask.DepthBufferBit);
        batch.Draw(program, Eye, Style);
        gl.Flush();
        long start = Stopwatch.GetTimestamp();
        upload();
        double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        gl.Finish();
        if (gl.GetError() is var error && error != GLEnum.NoError) throw new InvalidOperationException($"GL error {error} during the benchmark.");
        return ms;
    }

    private static void UploadCpuChain(GlDevice device, byte[] tile, int size)
    {
        using var texture = new GlTexture(device, mipmaps: true, repeat: true);
        texture.Upload(tile, size, size);
    }

    /// <summary>The baseline: level 0 uploaded, the chain left to the driver (what <see cref="GlTexture"/> did before).</summary>
    private static unsafe void UploadGenerateMipmap(GlDevice device, byte[] tile, int size)
    {
        using var texture = new GlTexture(device, mipmaps: false, repeat: true);
        GL gl = device.Gl;
        gl.BindTexture(TextureTarget.Texture2D, texture.Handle);
        gl.PixelStore(PixelStoreParameter.UnpackAlignment, 1);
        fixed (byte* p = tile)
            gl.TexImage2D(TextureTarget.Texture2D, 0, InternalFormat.Rgba8, (uint)size, (uint)size, 0, PixelFormat.Rgba, PixelType.UnsignedByte, p);
        gl.GenerateMipmap(TextureTarget.Texture2D);
        gl.BindTexture(TextureTarget.Texture2D, 0);
    }
}
