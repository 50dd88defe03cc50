namespace GenWorld.World;

/// <summary>The most recent latencies in a ring, for nearest-rank percentiles (game-loop thread only).</summary>
internal sealed class LatencyRing(int capacity)
{
    private readonly double[] _ms = new double[capacity];
    private long _count;

    public void Add(double ms) => _ms[_count++ % _ms.Length] = ms;

    public (double P50, double P99) Percentiles()
    {
        double[] sorted = _ms.AsSpan(0, (int)Math.Min(_count, _ms.Length)).ToArray();
        if (sorted.Length == 0) return (0, 0);
        Array.Sort(sorted);
        double At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return (At(0.50), At(0.99));
    }
}
