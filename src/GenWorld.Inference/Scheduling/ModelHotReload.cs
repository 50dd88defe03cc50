using GenWorld.Inference.Models;

namespace GenWorld.Inference.Scheduling;

/// <summary>
/// Keeps an <see cref="InferenceScheduler"/> on the newest published version of a model: when the watcher reports one,
/// the new generator is built and run once (ORT's first-run setup) on the watcher's thread, then swapped in; requests keep
/// being served by the old version until the swap, and batches already running finish on it.
/// A version that fails to load is reported in <see cref="LastError"/> and the scheduler stays on what it had.
/// </summary>
public sealed class ModelHotReload : IDisposable
{
    private readonly InferenceScheduler _scheduler;
    private readonly ModelVersionWatcher _watcher;
    private readonly Func<ModelVersionPublished, IBatchGenerator> _open;
    private readonly Lock _gate = new(); // one swap at a time, in version order

    /// <summary>
    /// Watches with <paramref name="watcher"/> (now owned) and swaps <paramref name="scheduler"/> to what <paramref name="open"/>
    /// builds for each new version; the generator's <see cref="IBatchGenerator.Version"/> must differ per version.
    /// </summary>
    public ModelHotReload(InferenceScheduler scheduler, ModelVersionWatcher watcher, Func<ModelVersionPublished, IBatchGenerator> open)
    {
        _scheduler = scheduler ?? throw new ArgumentNullException(nameof(scheduler));
        _watcher = watcher ?? throw new ArgumentNullException(nameof(watcher));
        _open = open ?? throw new ArgumentNullException(nameof(open));
        _watcher.Published += OnPublished;
    }

    /// <summary>Versions swapped in so far.</summary>
    public int Swaps { get; private set; }

    /// <summary>Why the last new version could not be swapped in, or null.</summary>
    public string? LastError { get; private set; }

    /// <summary>Raised after each successful swap, with the version now served.</summary>
    public event EventHandler<ModelVersionPublished>? Swapped;

    private void OnPublished(object? sender, ModelVersionPublished e)
    {
        lock (_gate)
        {
            IBatchGenerator? next = null;
            try
            {
                next = _open(e);
                WarmUp(next);
                _scheduler.Swap(next);
                Swaps++;
                LastError = null;
            }
            catch (Exception ex) when (ex is IOException or InvalidModelException or InvalidModelFolderException or ArgumentException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException)
            {
                next?.Dispose();
                LastError = $"version {e.Version} ({e.Folder}) was not swapped in: {ex.Message}";
                return;
            }
        }
        Swapped?.Invoke(this, e);
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

    /// <summary>Stops watching (the scheduler stays as it is).</summary>
    public void Dispose()
    {
        _watcher.Published -= OnPublished;
        _watcher.Dispose();
    }
}
