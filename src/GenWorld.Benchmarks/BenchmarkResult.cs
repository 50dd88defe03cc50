namespace GenWorld.Benchmarks;

/// <summary>One measured figure, with its in-run baseline where there is one.</summary>
/// <param name="Benchmark">Benchmark name.</param>
/// <param name="Case">What was measured, e.g. "100k points 1280x720".</param>
/// <param name="Value">The figure.</param>
/// <param name="Unit">Its unit, e.g. "ms/frame", "samples/s".</param>
/// <param name="Baseline">The baseline's figure in the same unit, or null.</param>
/// <param name="BaselineName">What the baseline is.</param>
/// <param name="Note">Anything a reader needs to interpret the row.</param>
public sealed record BenchmarkResult(string Benchmark, string Case, double Value, string Unit,
    double? Baseline = null, string? BaselineName = null, string? Note = null)
{
    /// <summary>Value divided by baseline (for times, above 1 means slower than the baseline).</summary>
    public double? Ratio => Baseline is > 0 ? Value / Baseline : null;
}
