using System.Diagnostics;
using GenWorld.Inference;
using GenWorld.Inference.Generation;
using GenWorld.Inference.Models;

namespace GenWorld.Benchmarks.Inference;

/// <summary>
/// Sounds from the shipped models/notes-vae: ONNX decode plus the one-iSTFT inversion, in output samples per second and
/// real-time factor, one intra-op thread against all cores (target: ≥ 1,000,000 samples/s on one thread).
/// </summary>
public sealed class SoundDecodeBenchmark : IBenchmark
{
    /// <inheritdoc/>
    public string Name => "sound-decode";

    /// <inheritdoc/>
    public IEnumerable<BenchmarkResult> Run(BenchmarkOptions options)
    {
        string folder = Path.Combine(BenchmarkPaths.RepoRoot(), "models", "notes-vae");
        if (!Directory.Exists(folder)) throw new BenchmarkUnavailableException($"no model at {folder}");
        int runs = options.Quick ? 5 : 30;
        var (oneRate, length) = SamplesPerSecond(folder, threads: 1, runs);
        var (allRate, _) = SamplesPerSecond(folder, threads: 0, runs);
        return
        [
            new(Name, "decode + iSTFT, 1 thread", oneRate, "samples/s", Note: $"real-time factor {oneRate / 16000:F0}x at 16 kHz; {length} samples per clip"),
            new(Name, "decode + iSTFT, all threads", allRate, "samples/s", oneRate, "1 thread", $"{Environment.ProcessorCount} cores"),
        ];
    }

    private static (double Rate, int Length) SamplesPerSecond(string folder, int threads, int runs)
    {
        using ModelFolder model = ModelFolder.Open(folder, new OrtSessionFactory(_ => { }), new OrtSessionSettings(IntraOpThreads: threads));
        var decoder = new SoundDecoder(model);
        var latent = new float[decoder.LatentSize];
        var times = new double[runs];
        for (int i = -3; i < runs; i++)
        {
            long start = Stopwatch.GetTimestamp();
            _ = decoder.Decode(latent, 60);
            if (i >= 0) times[i] = Stopwatch.GetElapsedTime(start).TotalSeconds;
        }
        Array.Sort(times);
        return (decoder.ClipLength / times[runs / 2], decoder.ClipLength);
    }
}
