namespace GenWorld.Inference.Scheduling;

/// <summary>
/// FIFO queues per priority, requests apart from hints. Re-queueing (a hint promoted to a request, a request raised
/// in priority) leaves the old entry behind as stale; stale entries are skipped when met. Not thread-safe: the scheduler's lock guards it.
/// </summary>
internal sealed class WorkQueues
{
    private readonly Queue<(PendingWork Work, int Ticket)>[] _requests = [new(), new(), new()];
    private readonly Queue<(PendingWork Work, int Ticket)>[] _hints = [new(), new(), new()];

    /// <summary>Live requests queued.</summary>
    public int Requests { get; private set; }

    /// <summary>Live hints queued.</summary>
    public int Hints { get; private set; }

    public void Enqueue(PendingWork work, RequestPriority priority, bool asHint)
    {
        Unlink(work);
        work.Queued = true;
        work.QueuedAsHint = asHint;
        work.QueuedPriority = priority;
        (asHint ? _hints : _requests)[(int)priority].Enqueue((work, work.Ticket));
        if (asHint) Hints++;
        else Requests++;
    }

    /// <summary>Forgets where <paramref name="work"/> is queued (its entry turns stale).</summary>
    public void Unlink(PendingWork work)
    {
        if (!work.Queued) return;
        work.Queued = false;
        work.Ticket++;
        if (work.QueuedAsHint) Hints--;
        else Requests--;
    }

    /// <summary>Up to <paramref name="max"/> live entries, most urgent priority first, oldest first within one.</summary>
    public List<PendingWork> Take(bool hints, int max)
    {
        var taken = new List<PendingWork>(Math.Min(max, hints ? Hints : Requests));
        foreach (Queue<(PendingWork Work, int Ticket)> queue in hints ? _hints : _requests)
            while (taken.Count < max && queue.TryDequeue(out var entry))
                if (IsLive(entry))
                {
                    Unlink(entry.Work);
                    taken.Add(entry.Work);
                }
        return taken;
    }

    /// <summary>When the longest-waiting queued request started waiting (long.MaxValue when none).</summary>
    public long OldestRequestSince()
    {
        long oldest = long.MaxValue;
        foreach (Queue<(PendingWork Work, int Ticket)> queue in _requests)
        {
            while (queue.TryPeek(out var head) && !IsLive(head)) queue.Dequeue();
            if (queue.TryPeek(out var live)) oldest = Math.Min(oldest, live.Work.RequestedSince);
        }
        return oldest;
    }

    /// <summary>Removes the oldest hint of the least urgent priority, or returns null when there is none.</summary>
    public PendingWork? DropOldestHint()
    {
        for (int p = _hints.Length - 1; p >= 0; p--)
            while (_hints[p].TryDequeue(out var entry))
                if (IsLive(entry))
                {
                    Unlink(entry.Work);
                    return entry.Work;
                }
        return null;
    }

    private static bool IsLive((PendingWork Work, int Ticket) entry) => entry.Work.Queued && entry.Work.Ticket == entry.Ticket;
}
