using System.Diagnostics;

namespace GenWorld.Inference.Scheduling;

/// <summary>The worker threads: form batches, run them, deliver results.</summary>
public sealed partial class InferenceScheduler
{
    private void WorkerLoop(bool takesHints)
    {
        while (NextBatch(takesHints, out List<PendingWork> batch, out bool hints, out GeneratorLease lease))
            RunBatch(batch, hints, lease);
    }

    /// <summary>Blocks until there is work (requests before hints, hints only when <paramref name="takesHints"/>) or the scheduler is disposed (returns false).</summary>
    private bool NextBatch(bool takesHints, out List<PendingWork> batch, out bool hints, out GeneratorLease lease)
    {
        lock (_gate)
        {
            while (!_disposed)
            {
                if (_queues.Requests > 0)
                {
                    WaitToFillBatch();
                    batch = _queues.Take(hints: false, _options.MaxBatchSize);
                    hints = false;
                }
                else if (takesHints && _queues.Hints > 0)
                {
                    batch = _queues.Take(hints: true, _options.PrefetchBatchSize);
                    hints = true;
                }
                else
                {
                    Monitor.Wait(_gate);
                    continue;
                }
                if (batch.Count == 0 || _disposed) continue;
                foreach (PendingWork work in batch) work.Running = true;
                lease = _current;
                lease.Acquire();
                return true;
            }
        }
        (batch, hints, lease) = ([], false, null!);
        return false;
    }

    /// <summary>
    /// Holds a short batch back while requests keep arriving: until it is full, its oldest request has waited
    /// MaxBatchWaitMs, or no request has arrived for BatchQuietMs (the burst is over, waiting longer gains nothing).
    /// </summary>
    private void WaitToFillBatch()
    {
        long maxWait = (long)(_options.MaxBatchWaitMs * Stopwatch.Frequency / 1000);
        long quiet = (long)(_options.BatchQuietMs * Stopwatch.Frequency / 1000);
        while (!_disposed && _queues.Requests is > 0 and var waiting && waiting < _options.MaxBatchSize)
        {
            long deadline = Math.Min(_queues.OldestRequestSince() + maxWait, _lastArrival + quiet);
            long remaining = deadline - Stopwatch.GetTimestamp();
            if (remaining <= 0) return;
            Monitor.Wait(_gate, TimeSpan.FromSeconds((double)remaining / Stopwatch.Frequency));
        }
    }

    private void RunBatch(List<PendingWork> batch, bool hints, GeneratorLease lease)
    {
        IBatchGenerator generator = lease.Generator;
        float[][]? outputs = null;
        Exception? error = null;
        try
        {
            float[][] latents = [.. batch.Select(w => w.Latent)];
            float[][] conditioning = _conditioningSize > 0 ? [.. batch.Select(w => w.Conditioning)] : [];
            outputs = generator.Generate(latents, conditioning);
            if (outputs.Length != batch.Count || outputs.Any(o => o is null || o.Length != generator.OutputLength))
                throw new InvalidOperationException($"generator '{generator.Version}' returned {outputs.Length} rows for {batch.Count} latents, or rows not {generator.OutputLength} long");
        }
        catch (Exception e)
        {
            error = e;
        }
        finally
        {
            lease.Release(); // a swapped-out generator is disposed here, after its last batch
        }

        // Cache before leaving _pending, so a request arriving in between finds one or the other.
        if (error is null)
            for (int i = 0; i < batch.Count; i++) _cache.Put(batch[i].Key, generator.Version, outputs![i]);
        var deliveries = new List<(Waiter Waiter, float[]? Output)>();
        lock (_gate)
        {
            for (int i = 0; i < batch.Count; i++)
            {
                PendingWork work = batch[i];
                work.Running = false;
                _pending.Remove(work.Key);
                foreach (Waiter waiter in work.Waiters) deliveries.Add((waiter, outputs?[i]));
                work.Waiters.Clear();
            }
            if (error is not null) _failed += deliveries.Count;
            else if (hints) _hintsComputed += batch.Count;
            else
            {
                _rowsComputed += batch.Count;
                _batchSizes[batch.Count]++;
            }
        }
        foreach ((Waiter waiter, float[]? output) in deliveries)
        {
            waiter.Detach();
            if (error is not null)
            {
                waiter.Completion.TrySetException(error);
                continue;
            }
            _latency.Add(Stopwatch.GetElapsedTime(waiter.StartTimestamp).TotalMilliseconds);
            waiter.Completion.TrySetResult((float[])output!.Clone());
        }
    }
}
