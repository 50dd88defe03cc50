namespace GenWorld.Benchmarks;

/// <summary>The machine lacks what a benchmark needs (no GPU, no GL); the runner reports the reason and goes on.</summary>
public sealed class BenchmarkUnavailableException(string reason) : Exception(reason);
