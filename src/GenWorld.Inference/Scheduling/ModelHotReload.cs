using GenWorld.Inference.Models;

namespace GenWorld.Inference.Scheduling;

/// <summary>
/// Keeps an <see cref="InferenceScheduler"/> on the newest published version of a model: when the watcher reports one,
/// the new generator is built and run once (ORT's first-run setup) on this class's own loader thread, then swapped in;
/// requests keep being served by the old version until the swap, and batches already running finish on it.
/// A version that fails to load is reported in <see cref="LastError"/> and the scheduler stays on what it had.
/// </summary>
/// <remarks>
/// The load runs on a dedicated thread, not on the watcher's: the watcher raises its events on a thread-pool (or file
/// watcher) thread, and a load that holds a pool thread for a second on a busy 2-core machine can starve the pool that
/// callers' awaits resume on. CI once saw an 823 ms gap in requests across a swap; which thread it stalled was not
/// proven. Versions published while a load runs are coalesced: the newest one is loaded next.
/// </remarks>
public sealed class ModelHotReload : IDisposable
{
    private readonly InferenceScheduler _scheduler;
    private readonly ModelVersionWatcher _watcher;
    private readonly Func<ModelVersionPublished, IBatchGenerator> _open;
    private readonly Thread _loader;
    private readonly object _gate = new(); // a monitor: the loader waits on it for the next version
    private ModelVersionPublished? _next; // the newest version not yet loaded
    private bool _disposed;

    /// <summary>
    /// Watches with <paramref name="watcher"/> (now owned) and swaps <paramref name="scheduler"/> to what <paramref name="open"/>
    /// builds for each new version; the generator's <see cref="IBatchGenerator.Version"/> must differ per version.
    /// </summary>
    public ModelHotReload(InferenceScheduler scheduler, ModelVersionWatcher watcher, Func<ModelVersionPublished, IBatchGenerator> open)
    {
        _scheduler = scheduler ?? throw new ArgumentNullException(nameof(scheduler));
        _watcher = watcher ?? throw new ArgumentNullException(nameof(watcher));
        _open = open ?? throw new ArgumentNullException(nameof(open));
        _loader = new Thread(LoadLoop) { IsBackground = true, Name = "model hot reload" };
        _loader.Start();
        _watcher.Published += OnPublished;
    }

    /// <summary>Versions swapped in so far.</summary>
    public int Swaps { get; private set; }

    /// <summary>Why the last new version could not be swapped in, or null.</summary>
    public string? LastError { get; private set; }

    /// <summary>Raised (on the loader thread) after each successful swap, with the version now served.</summary>
    public event EventHandler<ModelVersionPublished>? Swapped;

    private void OnPublished(object? sender, ModelVersionPublished e)
    {
        lock (_gate)
        {
            if (_next is null || e.Version > _next.Version) _next = e;
            Monitor.PulseAll(_gate);
        }
    }

    private void LoadLoop()
    {
        while (true)
        {
            ModelVersionPublished e;
            lock (_gate)
            {
                while (_next is null && !_disposed) Monitor.Wait(_gate);
                if (_disposed) return;
                e = _next!;
                _next = null;
            }
            if (Load(e)) Swapped?.Invoke(this, e);
        }
    }

    private bool Load(ModelVersionPublished e)
    {
        IBatchGenerator? next = null;
        try
        {
            next = _open(e);
            WarmUp(next);
            _scheduler.Swap(next);
            Swaps++;
            LastError = null;
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Any failure (a damaged file, a model of another shape, a scheduler disposed meanwhile) leaves the world on
            // what it serves: this thread's exceptions would otherwise end the process.
            next?.Dispose();
            LastError = $"version {e.Version} ({e.Folder}) was not swapped in: {ex.Message}";
            return false;
        }
    }

    /// <summary>
    /// One row through the new model before it serves: ONNX Runtime allocates its arena and picks kernels on the first
    /// run, which would otherwise land on the first request after the swap as a hitch.
    /// </summary>
    private static void WarmUp(IBatchGenerator generator)
    {
        float[][] latent = [new float[generator.LatentSize]];
        float[][] conditioning = generator.ConditioningSize > 0 ? [new float[generator.ConditioningSize]] : [];
        _ = generator.Generate(latent, conditioning);
    }

    /// <summary>Stops watching and waits for a load in progress to end (the scheduler stays as it is).</summary>
    public void Dispose()
    {
        _watcher.Published -= OnPublished;
        _watcher.Dispose();
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            Monitor.PulseAll(_gate);
        }
        _loader.Join();
    }
}
