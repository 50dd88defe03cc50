namespace GenWorld.Inference.Scheduling;

/// <summary>One latent waiting to be (or being) generated, shared by every request and hint for the same quantised key.</summary>
internal sealed class PendingWork(LatentKey key, float[] latent, float[] conditioning)
{
    public LatentKey Key { get; } = key;

    /// <summary>Cell centre fed to the generator.</summary>
    public float[] Latent { get; } = latent;

    /// <summary>Cell centre of the conditioning; empty for unconditional models.</summary>
    public float[] Conditioning { get; } = conditioning;

    /// <summary>Requests waiting for the result; none means it is only a prefetch hint.</summary>
    public List<Waiter> Waiters { get; } = [];

    public bool IsRequest => Waiters.Count > 0;

    public bool Running { get; set; }

    /// <summary>Stopwatch timestamp since which a request has waited for it (the batch-fill deadline counts from here).</summary>
    public long RequestedSince { get; set; }

    // Queue bookkeeping, owned by WorkQueues: an entry in a queue is live only while its ticket matches.
    public bool Queued { get; set; }

    public bool QueuedAsHint { get; set; }

    public RequestPriority QueuedPriority { get; set; }

    public int Ticket { get; set; }
}
