using System.Diagnostics;
using GenWorld.Core.Sequences;
using GenWorld.Inference;
using GenWorld.Inference.Generation;
using GenWorld.Inference.Models;

namespace GenWorld.Benchmarks.Inference;

/// <summary>
/// Note-token generation on ONNX Runtime, one thread, steady state (the window already full, so every token re-runs
/// the whole causal window): the Transformer prior against its GRU baseline exported with the same signature.
/// A live performance needs about 3.4 tokens per note at up to ~20 notes/s, i.e. ≥ 50–70 tokens/s.
/// </summary>
public sealed class PriorSamplingBenchmark : IBenchmark
{
    /// <inheritdoc/>
    public string Name => "prior-sampling";

    /// <inheritdoc/>
    public IEnumerable<BenchmarkResult> Run(BenchmarkOptions options)
    {
        string models = Path.Combine(BenchmarkPaths.RepoRoot(), "models");
        string transformer = Path.Combine(models, "notes-prior"), gru = Path.Combine(models, "notes-prior-gru");
        if (!Directory.Exists(transformer) || !Directory.Exists(gru)) throw new BenchmarkUnavailableException($"needs {transformer} and {gru}");
        int tokens = options.Quick ? 64 : 256;
        double gruRate = TokensPerSecond(gru, tokens, out int context);
        double transformerRate = TokensPerSecond(transformer, tokens, out _);
        return
        [
            new(Name, $"Transformer prior, {context}-token window, 1 thread", transformerRate, "tokens/s", gruRate, "GRU baseline, same window",
                $"{transformerRate / 3.4:F0} notes/s at ~3.4 tokens per note"),
        ];
    }

    private static double TokensPerSecond(string folder, int tokens, out int context)
    {
        using ModelFolder model = ModelFolder.Open(folder, new OrtSessionFactory(_ => { }), new OrtSessionSettings(IntraOpThreads: 1));
        var sampler = new PriorSampler(model);
        context = sampler.Context;
        PriorStream stream = sampler.Start(1, new NoteTokenSampler(1.0, 0));
        for (int i = 0; i < sampler.Context; i++) stream.NextToken();
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < tokens; i++) stream.NextToken();
        return tokens / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }
}
