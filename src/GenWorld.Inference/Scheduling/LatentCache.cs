namespace GenWorld.Inference.Scheduling;

/// <summary>Least-recently-used outputs keyed by quantised latent + conditioning + model version, bounded by bytes. Thread-safe.</summary>
internal sealed class LatentCache(long capacityBytes)
{
    private readonly record struct Key(LatentKey Latent, string Version);

    private sealed record Entry(Key Key, float[] Output, long Bytes);

    private readonly Dictionary<Key, LinkedListNode<Entry>> _map = [];
    private readonly LinkedList<Entry> _recency = new(); // most recent first
    private readonly Lock _lock = new();
    private long _bytes;

    public long Bytes { get { lock (_lock) return _bytes; } }

    public int Count { get { lock (_lock) return _map.Count; } }

    public bool TryGet(LatentKey latent, string version, out float[] output)
    {
        lock (_lock)
        {
            if (_map.TryGetValue(new Key(latent, version), out LinkedListNode<Entry>? node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                output = node.Value.Output;
                return true;
            }
        }
        output = [];
        return false;
    }

    public bool Contains(LatentKey latent, string version)
    {
        lock (_lock) return _map.ContainsKey(new Key(latent, version));
    }

    /// <summary>Stores <paramref name="output"/> (not copied: callers hand over an array nobody else writes).</summary>
    public void Put(LatentKey latent, string version, float[] output)
    {
        var key = new Key(latent, version);
        long bytes = latent.Bytes + 64L + (long)output.Length * sizeof(float);
        if (bytes > capacityBytes) return; // would evict everything and still not fit
        lock (_lock)
        {
            if (_map.Remove(key, out LinkedListNode<Entry>? old))
            {
                _recency.Remove(old);
                _bytes -= old.Value.Bytes;
            }
            _map[key] = _recency.AddFirst(new Entry(key, output, bytes));
            _bytes += bytes;
            while (_bytes > capacityBytes && _recency.Last is { } last)
            {
                _recency.RemoveLast();
                _map.Remove(last.Value.Key);
                _bytes -= last.Value.Bytes;
            }
        }
    }

    /// <summary>Drops every entry not made by <paramref name="version"/> (after a model swap they can never hit again).</summary>
    public void KeepOnly(string version)
    {
        lock (_lock)
        {
            for (LinkedListNode<Entry>? node = _recency.First; node is not null;)
            {
                LinkedListNode<Entry>? next = node.Next;
                if (node.Value.Key.Version != version)
                {
                    _recency.Remove(node);
                    _map.Remove(node.Value.Key);
                    _bytes -= node.Value.Bytes;
                }
                node = next;
            }
        }
    }
}
