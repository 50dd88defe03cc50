namespace GenWorld.Benchmarks;

/// <summary>
/// One benchmark. Each measures a subject against a baseline in the same run, so the ratio means something
/// on any machine. Implementations are found by reflection: add a class, nothing else to register.
/// </summary>
public interface IBenchmark
{
    /// <summary>Short name used by <c>--filter</c>, e.g. <c>gl-instanced-points</c>.</summary>
    string Name { get; }

    /// <summary>Runs and returns the measured rows. Throws <see cref="BenchmarkUnavailableException"/> when the machine lacks what it needs.</summary>
    IEnumerable<BenchmarkResult> Run(BenchmarkOptions options);
}
