using System.Diagnostics;
using GenWorld.Inference;
using GenWorld.Inference.Generation;
using GenWorld.Inference.Models;

namespace GenWorld.Benchmarks.Inference;

/// <summary>
/// Notes from the shipped models/notes-gan (generator + harmonic-plus-noise synthesis + finishing) in output samples per second
/// on one intra-op thread, against the notes-vae decoder measured the same way in the same run (the families table).
/// </summary>
public sealed class SoundGanBenchmark : IBenchmark
{
    /// <inheritdoc/>
    public string Name => "sound-gan";

    /// <inheritdoc/>
    public IEnumerable<BenchmarkResult> Run(BenchmarkOptions options)
    {
        string gan = Path.Combine(BenchmarkPaths.RepoRoot(), "models", "notes-gan");
        string vae = Path.Combine(BenchmarkPaths.RepoRoot(), "models", "notes-vae");
        if (!Directory.Exists(gan) || !Directory.Exists(vae)) throw new BenchmarkUnavailableException($"needs {gan} and {vae}");
        int runs = options.Quick ? 5 : 30;
        double ganRate = Median(gan, runs, folder =>
        {
            var g = new SoundGanGenerator(folder);
            var z = new float[g.LatentSize];
            return (() => g.Generate(z, 60, g.LabelNames.Contains("piano") ? "piano" : g.LabelNames[0]), g.ClipLength);
        });
        double vaeRate = Median(vae, runs, folder =>
        {
            var d = new SoundDecoder(folder);
            var z = new float[d.LatentSize];
            return (() => d.Decode(z, 60), d.ClipLength);
        });
        return
        [
            new(Name, "notes-gan generate + synthesis at 48 kHz, 1 thread", ganRate, "samples/s", vaeRate, "notes-vae decode + synthesis, 1 thread", $"real-time factor {ganRate / 48000:F0}x at 48 kHz"),
        ];
    }

    private static double Median(string path, int runs, Func<ModelFolder, (Func<float[]> Make, int Length)> setup)
    {
        using ModelFolder model = ModelFolder.Open(path, new OrtSessionFactory(_ => { }), new OrtSessionSettings(DevicePreference.Cpu, IntraOpThreads: 1));
        var (make, length) = setup(model);
        var times = new double[runs];
        for (int i = -3; i < runs; i++)
        {
            long start = Stopwatch.GetTimestamp();
            _ = make();
            if (i >= 0) times[i] = Stopwatch.GetElapsedTime(start).TotalSeconds;
        }
        Array.Sort(times);
        return length / times[runs / 2];
    }
}
