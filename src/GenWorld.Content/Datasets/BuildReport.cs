namespace GenWorld.Content.Datasets;

/// <summary>Thread-safe tally of a build: skipped inputs by reason and build-level messages.</summary>
public sealed class BuildReport
{
    private readonly object _gate = new();
    private readonly SortedDictionary<string, int> _skipped = new(StringComparer.Ordinal);
    private readonly List<string> _messages = [];

    /// <summary>Counts one skipped input under <paramref name="reason"/>.</summary>
    public void Skip(string reason, int count = 1)
    {
        lock (_gate) _skipped[reason] = _skipped.GetValueOrDefault(reason) + count;
    }

    /// <summary>Records a build-level message (shown in the report and the card).</summary>
    public void Message(string message)
    {
        lock (_gate) _messages.Add(message);
    }

    /// <summary>Skipped counts by reason, copied.</summary>
    public SortedDictionary<string, int> Skipped
    {
        get { lock (_gate) return new SortedDictionary<string, int>(_skipped, StringComparer.Ordinal); }
    }

    /// <summary>Messages so far, copied.</summary>
    public List<string> Messages
    {
        get { lock (_gate) return [.. _messages]; }
    }
}
