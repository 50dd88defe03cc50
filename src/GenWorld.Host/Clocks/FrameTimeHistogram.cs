namespace GenWorld.Host.Clocks;

/// <summary>
/// Frame times in a fixed histogram (0.1 ms bins up to 2 s, one overflow bin): quantiles of a run of any length in
/// constant memory, so a kiosk that runs for days does not grow a list of every frame.
/// </summary>
public sealed class FrameTimeHistogram
{
    private const double BinMs = 0.1;
    private readonly long[] _bins = new long[20001];

    /// <summary>Frames counted.</summary>
    public long Count { get; private set; }

    /// <summary>The longest frame, in ms.</summary>
    public double MaxMs { get; private set; }

    /// <summary>Counts one frame of <paramref name="ms"/> milliseconds.</summary>
    public void Add(double ms)
    {
        if (!(ms >= 0)) return;
        _bins[(int)Math.Min(_bins.Length - 1, ms / BinMs)]++;
        Count++;
        MaxMs = Math.Max(MaxMs, ms);
    }

    /// <summary>The upper edge of the bin holding the <paramref name="quantile"/> (0..1), in ms; 0 before any frame.</summary>
    public double Quantile(double quantile)
    {
        if (Count == 0) return 0;
        long rank = Math.Max(1, (long)Math.Ceiling(Math.Clamp(quantile, 0, 1) * Count)), seen = 0;
        for (int i = 0; i < _bins.Length; i++)
        {
            seen += _bins[i];
            if (seen >= rank) return i == _bins.Length - 1 ? MaxMs : Math.Min(MaxMs, (i + 1) * BinMs);
        }
        return MaxMs;
    }

    /// <summary>Forgets every frame (a new measuring window).</summary>
    public void Clear()
    {
        Array.Clear(_bins);
        Count = 0;
        MaxMs = 0;
    }
}
