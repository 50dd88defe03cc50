using GenWorld.Training.Textures;

namespace GenWorld.Benchmarks.Inference;

/// <summary>
/// The shipped textures-gan generator in ONNX Runtime against the same network and weights in TorchSharp eager: 64 px tiles
/// at batch 1/8/64 and 256 px tiles at batch 1/8, one thread and all cores (targets: 64 px ≤ 2 ms, 256 px ≤ 30 ms on one thread).
/// </summary>
public sealed class TextureOrtVsTorchBenchmark : IBenchmark
{
    /// <inheritdoc/>
    public string Name => "inference-ort-vs-torch-texture";

    /// <inheritdoc/>
    public IEnumerable<BenchmarkResult> Run(BenchmarkOptions options)
    {
        using TextureGenerator generator = ShippedModels.TexturesGan();
        string onnx = Path.Combine(ShippedModels.Folder("textures-gan"), "generator.onnx");
        var results = new List<BenchmarkResult>();
        foreach ((int size, int[] batches) in new[] { (64, new[] { 1, 8, 64 }), (256, new[] { 1, 8 }) })
        {
            int cells = size / 16;
            var compare = new OrtVsTorch(onnx, generator, batch => [batch, generator.LatentChannels, cells, cells]);
            double parity = compare.Parity(batch: 2, tolerance: 1e-3);
            foreach (int threads in new[] { 1, 0 })
                foreach (int batch in batches)
                {
                    (double ort, double torch) = compare.Time(batch, threads, options.Quick ? 0.2 : 0.6);
                    results.Add(new(Name, $"{size} px batch {batch}, {(threads == 1 ? "1 thread (CPU time)" : $"{Environment.ProcessorCount} threads")}", batch / ort, "tiles/s",
                        batch / torch, "TorchSharp eager", $"ORT speed-up; {ort * 1000 / batch:F2} vs {torch * 1000 / batch:F2} ms/tile; parity max |Δ| {parity:G2}"));
                }
        }
        return results;
    }
}
