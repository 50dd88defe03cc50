using System.Diagnostics;
using GenWorld.Inference;
using GenWorld.Inference.Generation;
using GenWorld.Inference.Models;

namespace GenWorld.Benchmarks.Inference;

/// <summary>
/// Texture tiles from the shipped models/textures-gan through ONNX Runtime: 64 and 256 px, one intra-op thread
/// against all cores in the same run (targets: 64 px ≤ 2 ms, 256 px ≤ 30 ms on one thread).
/// </summary>
public sealed class TextureTileBenchmark : IBenchmark
{
    /// <inheritdoc/>
    public string Name => "inference-texture-tiles";

    /// <inheritdoc/>
    public IEnumerable<BenchmarkResult> Run(BenchmarkOptions options)
    {
        string folder = Path.Combine(BenchmarkPaths.RepoRoot(), "models", "textures-gan");
        if (!Directory.Exists(folder)) throw new BenchmarkUnavailableException($"no model at {folder}");
        int runs = options.Quick ? 5 : 30;
        var results = new List<BenchmarkResult>();
        foreach (int size in new[] { 64, 256 })
        {
            double one = MedianMs(folder, size, threads: 1, runs);
            double all = MedianMs(folder, size, threads: 0, runs);
            results.Add(new(Name, $"{size}x{size} tile, 1 thread", one, "ms/tile", Note: $"{1000 / one:F0} tiles/s"));
            results.Add(new(Name, $"{size}x{size} tile, all threads", all, "ms/tile", one, "1 thread", $"{Environment.ProcessorCount} cores"));
        }
        return results;
    }

    private static double MedianMs(string folder, int size, int threads, int runs)
    {
        using ModelFolder model = ModelFolder.Open(folder, new OrtSessionFactory(_ => { }), new OrtSessionSettings(IntraOpThreads: threads));
        var generator = new TextureGenerator(model);
        float[] latent = generator.SeededLatent(1, size);
        var times = new double[runs];
        for (int i = -3; i < runs; i++)
        {
            long start = Stopwatch.GetTimestamp();
            _ = generator.Generate(latent, size);
            if (i >= 0) times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(times);
        return times[runs / 2];
    }
}
