namespace GenWorld.Host.Clocks;

/// <summary>
/// Frames actually drawn per second of wall time, over the last second: what the HUD shows. The host's clock may be a
/// fixed step (a render at 24 fps whose frames take 140 ms each), so the clock's step says what the output runs at,
/// not what the machine manages; this counts the frames the renderer finished against a real stopwatch.
/// </summary>
public sealed class RenderedFrameRate
{
    private readonly Queue<double> _stamps = new();
    private readonly double _window;

    /// <summary>Averages over the last <paramref name="windowSeconds"/> of wall time.</summary>
    public RenderedFrameRate(double windowSeconds = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(windowSeconds, 0);
        _window = windowSeconds;
    }

    /// <summary>Frames per second over the window; 0 until two frames were counted.</summary>
    public double Value { get; private set; }

    /// <summary>Counts one drawn frame finished at <paramref name="wallSeconds"/> (a monotonic wall clock).</summary>
    public void FrameDrawn(double wallSeconds)
    {
        if (_stamps.Count > 0 && wallSeconds < _stamps.Last())
            throw new ArgumentOutOfRangeException(nameof(wallSeconds), wallSeconds, "Wall time must not go backwards.");
        _stamps.Enqueue(wallSeconds);
        while (_stamps.Count > 2 && wallSeconds - _stamps.Peek() > _window) _stamps.Dequeue();
        double span = wallSeconds - _stamps.Peek();
        Value = _stamps.Count >= 2 && span > 0 ? (_stamps.Count - 1) / span : 0;
    }
}
