namespace GenWorld.Benchmarks;

/// <summary>Settings shared by all benchmarks.</summary>
/// <param name="Quick">Fewer repetitions (CI smoke runs); figures are noisier.</param>
/// <param name="OutputDirectory">Where benchmarks may write artefacts (PNG, WAV).</param>
public sealed record BenchmarkOptions(bool Quick, string OutputDirectory);
