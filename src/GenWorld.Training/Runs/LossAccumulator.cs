namespace GenWorld.Training.Runs;

/// <summary>Sums named losses over a few steps and turns them into one history point (their means).</summary>
internal sealed class LossAccumulator
{
    private readonly Dictionary<string, double> _sums = new(StringComparer.Ordinal);

    public int Count { get; private set; }

    public void Add(IReadOnlyDictionary<string, double> losses)
    {
        foreach ((string name, double value) in losses)
            _sums[name] = _sums.GetValueOrDefault(name) + value;
        Count++;
    }

    public HistoryPoint Flush(long step)
    {
        var point = new HistoryPoint(step, _sums.ToDictionary(kv => kv.Key, kv => kv.Value / Count, StringComparer.Ordinal));
        Clear();
        return point;
    }

    public void Clear()
    {
        _sums.Clear();
        Count = 0;
    }
}
