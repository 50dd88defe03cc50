namespace GenWorld.Content.Sequences;

/// <summary>Ticks to seconds under a piecewise-constant tempo (µs per quarter note), 120 bpm until the first change.</summary>
internal sealed class TempoMap
{
    private readonly int _division;
    private readonly (long Tick, double Seconds, int MicrosPerQuarter)[] _segments;

    public TempoMap(int division, IEnumerable<(long Tick, int MicrosPerQuarter)> changes)
    {
        _division = division;
        var segments = new List<(long, double, int)> { (0, 0, 500_000) };
        foreach ((long tick, int tempo) in changes.OrderBy(c => c.Tick))
        {
            if (tempo <= 0) continue;
            (long lastTick, double lastSeconds, int lastTempo) = segments[^1];
            double at = lastSeconds + (tick - lastTick) * (lastTempo / 1e6) / _division;
            if (tick == lastTick) segments[^1] = (tick, lastSeconds, tempo);
            else segments.Add((tick, at, tempo));
        }
        _segments = [.. segments];
    }

    public double Seconds(long tick)
    {
        int i = _segments.Length - 1;
        while (i > 0 && _segments[i].Tick > tick) i--;
        (long t0, double s0, int tempo) = _segments[i];
        return s0 + (tick - t0) * (tempo / 1e6) / _division;
    }
}
