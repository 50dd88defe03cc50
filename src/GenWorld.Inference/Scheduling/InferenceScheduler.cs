using System.Diagnostics;

namespace GenWorld.Inference.Scheduling;

/// <summary>
/// Turns latent requests into content on dedicated workers (<see cref="SchedulerOptions.Workers"/>): waiting requests are micro-batched, results are cached
/// (quantised latent + conditioning + model version, LRU by bytes), prefetch hints fill the cache when no request waits,
/// and the model can be swapped while serving. The scheduler owns its generators and disposes each after its last batch.
/// </summary>
public sealed partial class InferenceScheduler : IDisposable
{
    private readonly SchedulerOptions _options;
    private readonly int _latentSize;
    private readonly int _conditioningSize;
    private readonly float _valueLimit; // beyond this a value cannot be quantised into an int cell
    private readonly object _gate = new(); // a Monitor, not a Lock: the worker waits on it with a timeout
    private readonly Dictionary<LatentKey, PendingWork> _pending = [];
    private readonly WorkQueues _queues = new();
    private readonly LatentCache _cache;
    private readonly LatencyWindow _latency;
    private readonly long[] _batchSizes;
    private readonly Thread[] _workers;
    private GeneratorLease _current;
    private volatile bool _disposed;
    private long _lastArrival; // Stopwatch timestamp of the latest request that queued work (guarded by _gate)
    private long _requests, _hits, _joined, _cancelled, _failed, _rowsComputed, _hintsComputed;

    /// <summary>Starts the worker over <paramref name="generator"/>, which the scheduler now owns.</summary>
    public InferenceScheduler(IBatchGenerator generator, SchedulerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(generator);
        _options = options ?? new SchedulerOptions();
        _options.Validate();
        if (generator.LatentSize <= 0 || generator.OutputLength <= 0 || generator.ConditioningSize < 0)
            throw new ArgumentException($"generator '{generator.Version}' has LatentSize {generator.LatentSize}, ConditioningSize {generator.ConditioningSize}, OutputLength {generator.OutputLength}; sizes must be positive", nameof(generator));
        _latentSize = generator.LatentSize;
        _conditioningSize = generator.ConditioningSize;
        _valueLimit = _options.QuantizationStep * 1e9f;
        _cache = new LatentCache(_options.CacheBytes);
        _latency = new LatencyWindow(_options.LatencySamples);
        _batchSizes = new long[_options.MaxBatchSize + 1];
        _current = new GeneratorLease(generator);
        _workers = [.. Enumerable.Range(0, _options.Workers).Select(i =>
            new Thread(() => WorkerLoop(takesHints: i == 0)) { IsBackground = true, Name = i == 0 ? "genworld-inference" : $"genworld-inference-{i}" })];
        foreach (Thread worker in _workers) worker.Start();
    }

    /// <summary>Version of the generator that new requests go to.</summary>
    public string ModelVersion { get { lock (_gate) return _current.Generator.Version; } }

    /// <summary>
    /// Generates (or finds in the cache) the content for <paramref name="latent"/>. Bad input throws at once;
    /// cancelling before the batch starts means the latent is never computed (unless another request still wants it).
    /// </summary>
    /// <exception cref="ArgumentException">Wrong length, NaN or infinite values, conditioning missing or unexpected.</exception>
    public Task<float[]> RequestAsync(float[] latent, float[]? conditioning = null,
        RequestPriority priority = RequestPriority.Normal, CancellationToken cancellationToken = default)
    {
        ValidateInputs(latent, conditioning, nameof(latent));
        ValidatePriority(priority);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (cancellationToken.IsCancellationRequested) return Task.FromCanceled<float[]>(cancellationToken);
        long start = Stopwatch.GetTimestamp();
        LatentKey key = LatentKey.Quantise(latent, conditioning, _options.QuantizationStep);
        var waiter = new Waiter(start);
        PendingWork? work = null;
        float[]? cached;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _requests++;
            if (_cache.TryGet(key, _current.Generator.Version, out float[] hit))
            {
                _hits++;
                cached = hit;
            }
            else
            {
                cached = null;
                if (_pending.TryGetValue(key, out work)) _joined++;
                else
                {
                    work = new PendingWork(key, key.Latent(_options.QuantizationStep), key.Conditioning(_options.QuantizationStep));
                    _pending[key] = work;
                }
                Enqueue(work, waiter, priority);
            }
        }
        if (cached is not null)
        {
            // Copied outside the lock; the copy keeps callers from writing into the cache.
            float[] copy = (float[])cached.Clone();
            _latency.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            return Task.FromResult(copy);
        }
        if (cancellationToken.CanBeCanceled)
            waiter.Attach(cancellationToken.Register(() => Cancel(work!, waiter, cancellationToken)));
        return waiter.Completion.Task;
    }

    /// <summary>
    /// Asks for these latents to be generated into the cache when no request is waiting (never ahead of a request).
    /// Latents already cached or pending are skipped. Returns how many new hints were queued.
    /// </summary>
    /// <exception cref="ArgumentException">Any latent (or the conditioning) is invalid; then none is queued.</exception>
    public int Hint(IEnumerable<float[]> latents, RequestPriority priority = RequestPriority.Low, float[]? conditioning = null)
    {
        ArgumentNullException.ThrowIfNull(latents);
        List<float[]> all = [.. latents];
        for (int i = 0; i < all.Count; i++) ValidateInputs(all[i], conditioning, $"{nameof(latents)}[{i}]");
        ValidatePriority(priority);
        int added = 0;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            string version = _current.Generator.Version;
            foreach (float[] latent in all)
            {
                LatentKey key = LatentKey.Quantise(latent, conditioning, _options.QuantizationStep);
                if (_pending.TryGetValue(key, out PendingWork? existing))
                {
                    if (existing.Queued && existing.QueuedAsHint && priority < existing.QueuedPriority) _queues.Enqueue(existing, priority, asHint: true);
                    continue;
                }
                if (_cache.Contains(key, version)) continue;
                var work = new PendingWork(key, key.Latent(_options.QuantizationStep), key.Conditioning(_options.QuantizationStep));
                _pending[key] = work;
                _queues.Enqueue(work, priority, asHint: true);
                added++;
            }
            while (_queues.Hints > _options.MaxPendingHints && _queues.DropOldestHint() is { } dropped)
                _pending.Remove(dropped.Key);
            if (added > 0) Monitor.PulseAll(_gate); // all: the worker that woke might be one that takes no hints
        }
        return added;
    }

    /// <summary>
    /// Replaces the model while serving: batches already running finish on the old one, every later batch uses
    /// <paramref name="next"/> (now owned by the scheduler). The old model is disposed once its last batch ends.
    /// </summary>
    /// <exception cref="ArgumentException">Different latent or conditioning size, or the same version string.</exception>
    public void Swap(IBatchGenerator next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (next.LatentSize != _latentSize || next.ConditioningSize != _conditioningSize || next.OutputLength <= 0)
            throw new ArgumentException($"generator '{next.Version}' takes latent {next.LatentSize} + conditioning {next.ConditioningSize} (output {next.OutputLength}); this scheduler serves latent {_latentSize} + conditioning {_conditioningSize}", nameof(next));
        GeneratorLease old;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (next.Version == _current.Generator.Version)
                throw new ArgumentException($"generator version '{next.Version}' is already being served; versions key the cache, so a new model needs a new version", nameof(next));
            old = _current;
            _current = new GeneratorLease(next);
        }
        // Old entries can never hit again; a batch still running on the old model may add a few more, which age out.
        _cache.KeepOnly(next.Version);
        old.Release();
    }

    /// <summary>A snapshot of the live figures.</summary>
    public SchedulerMetrics Metrics()
    {
        (double p50, double p99, int samples) = _latency.Percentiles();
        lock (_gate)
            return new SchedulerMetrics(_requests, _hits, _joined, _cancelled, _failed, _rowsComputed, _hintsComputed,
                _queues.Requests, _queues.Hints, p50, p99, samples, [.. _batchSizes], _cache.Count, _cache.Bytes, _current.Generator.Version);
    }

    /// <summary>Stops the worker after its current batch; requests still queued fail with <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        List<Waiter> orphans;
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            orphans = [.. _pending.Values.Where(w => !w.Running).SelectMany(w => w.Waiters)];
            Monitor.PulseAll(_gate);
        }
        foreach (Thread worker in _workers) worker.Join();
        foreach (Waiter waiter in orphans)
        {
            waiter.Detach();
            waiter.Completion.TrySetException(new ObjectDisposedException(nameof(InferenceScheduler), "the scheduler was disposed before this request ran"));
        }
        _current.Release();
    }

    private void Enqueue(PendingWork work, Waiter waiter, RequestPriority priority)
    {
        if (!work.IsRequest) work.RequestedSince = waiter.StartTimestamp;
        work.Waiters.Add(waiter);
        _lastArrival = waiter.StartTimestamp;
        // A queued hint becomes a request; a queued request asked for more urgently moves up; running work is just joined.
        if (work.Queued ? work.QueuedAsHint || priority < work.QueuedPriority : !work.Running)
            _queues.Enqueue(work, priority, asHint: false);
        Monitor.PulseAll(_gate);
    }

    private void Cancel(PendingWork work, Waiter waiter, CancellationToken token)
    {
        lock (_gate)
        {
            if (!work.Waiters.Remove(waiter)) return; // already delivered
            _cancelled++;
            if (!work.IsRequest && !work.Running)
            {
                // Nobody wants it any more and it has not started: it is never computed.
                _queues.Unlink(work);
                _pending.Remove(work.Key);
            }
        }
        waiter.Completion.TrySetCanceled(token);
    }
}
