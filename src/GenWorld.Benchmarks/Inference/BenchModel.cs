using GenWorld.Inference;
using GenWorld.Inference.Onnx;
using GenWorld.Inference.Scheduling;

namespace GenWorld.Benchmarks.Inference;

/// <summary>The stand-in generator for inference benchmarks: 16-value latent → 4096 values (an MLP with 256 hidden units, on CPU).</summary>
internal static class BenchModel
{
    public const int LatentSize = 16;
    public const int OutputLength = 4096;
    public const string Description = "MLP 16→256→4096 (ORT CPU)";

    public static OrtBatchGenerator Create(string version = "bench-v1")
    {
        byte[] model = TinyOnnxModels.Mlp(LatentSize, 256, OutputLength, seed: 7);
        OrtSession session = new OrtSessionFactory(_ => { }).Open(model, "bench-mlp", new OrtSessionSettings(DevicePreference.Cpu));
        return new OrtBatchGenerator(session, version);
    }

    /// <summary>A generator that has run once, so ORT's first-run buffer allocation is not measured.</summary>
    public static OrtBatchGenerator CreateWarm(string version = "bench-v1")
    {
        OrtBatchGenerator generator = Create(version);
        generator.Generate([new float[LatentSize]], []);
        return generator;
    }

    public static float[] RandomLatent(Random random) =>
        [.. Enumerable.Range(0, LatentSize).Select(_ => (float)(random.NextDouble() * 2 - 1))];

    public static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
