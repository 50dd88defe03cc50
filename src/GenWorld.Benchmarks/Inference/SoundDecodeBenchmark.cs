using GenWorld.Inference;
using GenWorld.Inference.Finishing;
using GenWorld.Inference.Generation;
using GenWorld.Inference.Models;

namespace GenWorld.Benchmarks.Inference;

/// <summary>
/// The whole runtime sound path from the shipped models/notes-vae, as the scheduler runs it: one decoder run per batch,
/// then per clip one iSTFT and the finishing (16 → 48 kHz resampling, DC, fades, LUFS) — in finished output samples per
/// second and real-time factor, batch 1/8/64, one thread (ORT and inversion on the calling thread, timed by its CPU
/// clock) against all cores (wall time).
/// Target: ≥ 1,000,000 output samples/s on one thread.
/// </summary>
public sealed class SoundDecodeBenchmark : IBenchmark
{
    /// <inheritdoc/>
    public string Name => "inference-sound-pipeline";

    /// <inheritdoc/>
    public IEnumerable<BenchmarkResult> Run(BenchmarkOptions options)
    {
        string folder = ShippedModels.Folder("notes-vae");
        var rates = new Dictionary<(int Threads, int Batch), double>();
        int clip = 0;
        foreach (int threads in new[] { 1, 0 })
        {
            ModelFolder model = ModelFolder.Open(folder, new OrtSessionFactory(_ => { }), new OrtSessionSettings(DevicePreference.Cpu, IntraOpThreads: threads));
            using var generator = new SoundVaeBatchGenerator(model, SoundFinishing.Default, maxParallelism: threads);
            clip = generator.OutputLength;
            foreach (int batch in new[] { 1, 8, 64 })
            {
                float[][] latents = [.. Enumerable.Range(0, batch).Select(i => GenWorld.Core.Numerics.SeededLatent.StandardNormal(i, generator.LatentSize))];
                float[][] pitches = [.. Enumerable.Range(0, batch).Select(i => generator.Pitch!.Value.OneHot(48 + i % 24))];
                double seconds = MedianTimer.Seconds(() => generator.Generate(latents, pitches), options.Quick ? 0.3 : 1.0, threadCpu: threads == 1);
                rates[(threads, batch)] = batch * clip / seconds;
            }
        }
        var results = new List<BenchmarkResult>();
        foreach (int batch in new[] { 1, 8, 64 })
        {
            double one = rates[(1, batch)], all = rates[(0, batch)];
            results.Add(new(Name, $"decode + iSTFT + finish to 48 kHz, batch {batch}, 1 thread (CPU time)", one, "samples/s",
                Note: $"real-time factor {one / 48000:F0}x at 48 kHz; {1000.0 * clip / one:F1} ms per {clip}-sample clip"));
            results.Add(new(Name, $"decode + iSTFT + finish to 48 kHz, batch {batch}, {Environment.ProcessorCount} threads", all, "samples/s", one, "1 thread",
                $"real-time factor {all / 48000:F0}x"));
        }
        return results;
    }
}
