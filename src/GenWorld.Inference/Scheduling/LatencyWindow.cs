namespace GenWorld.Inference.Scheduling;

/// <summary>The most recent request latencies in a ring, for percentiles. Thread-safe.</summary>
internal sealed class LatencyWindow(int capacity)
{
    private readonly double[] _ms = new double[capacity];
    private readonly Lock _lock = new();
    private long _count;

    public void Add(double ms)
    {
        lock (_lock) _ms[_count++ % _ms.Length] = ms;
    }

    /// <summary>Nearest-rank percentiles over the window; zeros when nothing was recorded.</summary>
    public (double P50, double P99, int Samples) Percentiles()
    {
        double[] sorted;
        lock (_lock) sorted = _ms.AsSpan(0, (int)Math.Min(_count, _ms.Length)).ToArray();
        if (sorted.Length == 0) return (0, 0, 0);
        Array.Sort(sorted);
        double At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return (At(0.50), At(0.99), sorted.Length);
    }
}
