using GenWorld.Core.Numerics;
using GenWorld.Inference;
using GenWorld.Inference.Finishing;
using GenWorld.Inference.Generation;
using GenWorld.Inference.Models;

namespace GenWorld.Benchmarks.Inference;

/// <summary>
/// The shipped models on the CUDA provider when it starts (sound pipeline at batch 1/64, 64 and 256 px tiles at batch 1/8),
/// against the CPU provider in the same run; where CUDA does not start, the runner reports ORT's exact reason.
/// </summary>
public sealed class CudaInferenceBenchmark : IBenchmark
{
    /// <inheritdoc/>
    public string Name => "inference-cuda";

    /// <inheritdoc/>
    public IEnumerable<BenchmarkResult> Run(BenchmarkOptions options)
    {
        string sounds = ShippedModels.Folder("notes-vae"), textures = ShippedModels.Folder("textures-gan");
        using (ModelFolder probe = ModelFolder.Open(sounds, new OrtSessionFactory(_ => { }), new OrtSessionSettings(DevicePreference.Cuda)))
            if (probe.Device != ExecutionDevice.Cuda)
                throw new BenchmarkUnavailableException($"CUDA did not start: {probe.Parts.Values.First().CudaFailure ?? "unknown reason"}");
        double budget = options.Quick ? 0.3 : 1.0;
        var results = new List<BenchmarkResult>();
        foreach (int batch in new[] { 1, 64 })
        {
            double cuda = SoundRate(sounds, DevicePreference.Cuda, batch, budget), cpu = SoundRate(sounds, DevicePreference.Cpu, batch, budget);
            results.Add(new(Name, $"sound decode + synthesis + finish at 48 kHz, batch {batch}, CUDA", cuda, "samples/s", cpu, "CPU provider, all cores",
                "synthesis and finishing stay on the CPU"));
        }
        foreach ((int size, int batch) in new[] { (64, 1), (64, 8), (256, 1), (256, 8) })
        {
            double cuda = TileRate(textures, DevicePreference.Cuda, size, batch, budget), cpu = TileRate(textures, DevicePreference.Cpu, size, batch, budget);
            results.Add(new(Name, $"{size} px tiles, batch {batch}, CUDA", cuda, "tiles/s", cpu, "CPU provider, all cores", $"{1000 / cuda:F2} ms/tile"));
        }
        return results;
    }

    private static double SoundRate(string folder, DevicePreference device, int batch, double budget)
    {
        ModelFolder model = ModelFolder.Open(folder, new OrtSessionFactory(_ => { }), new OrtSessionSettings(device));
        using var generator = new SoundVaeBatchGenerator(model, SoundFinishing.Default);
        float[][] latents = [.. Enumerable.Range(0, batch).Select(i => SeededLatent.StandardNormal(i, generator.LatentSize))];
        float[][] pitches = [.. Enumerable.Range(0, batch).Select(i => generator.Pitch!.Value.OneHot(60))];
        return batch * generator.OutputLength / MedianTimer.Seconds(() => generator.Generate(latents, pitches), budget);
    }

    private static double TileRate(string folder, DevicePreference device, int size, int batch, double budget)
    {
        using var service = TextureGenerationService.Open(folder, settings: new OrtSessionSettings(device));
        float[][] latents = [.. Enumerable.Range(0, batch).Select(i => service.Generator.SeededLatent(i, size))];
        return batch / MedianTimer.Seconds(() => service.Generator.GenerateMany(latents, size), budget);
    }
}
