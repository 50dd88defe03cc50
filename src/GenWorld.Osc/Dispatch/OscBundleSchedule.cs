using GenWorld.Osc.Protocol;

namespace GenWorld.Osc.Dispatch;

/// <summary>
/// Bundles whose time tag is still in the future, waiting for the frame that reaches it. Bounded in count and in how far
/// ahead a tag may be, so a peer cannot park unlimited work; ties keep arrival order (a stable queue).
/// </summary>
internal sealed class OscBundleSchedule(int capacity, TimeSpan horizon)
{
    private readonly PriorityQueue<OscBundle, (ulong Time, long Order)> _waiting = new();
    private long _order;

    public int Count => _waiting.Count;

    /// <summary>Queues a future bundle, or says why not.</summary>
    public OscDropReason Add(OscBundle bundle, OscTimeTag now)
    {
        if (bundle.TimeTag.ToSeconds() - now.ToSeconds() > horizon.TotalSeconds) return OscDropReason.TooFarInFuture;
        if (_waiting.Count >= capacity) return OscDropReason.ScheduleFull;
        _waiting.Enqueue(bundle, (bundle.TimeTag.Value, _order++));
        return OscDropReason.None;
    }

    /// <summary>The next bundle whose time has come, if any.</summary>
    public bool TryTakeDue(OscTimeTag now, out OscBundle bundle)
    {
        if (_waiting.TryPeek(out bundle!, out var key) && key.Time <= now.Value)
        {
            _waiting.Dequeue();
            return true;
        }
        bundle = null!;
        return false;
    }
}
