using GenWorld.Core.Models;
using GenWorld.Inference.Models;
using GenWorld.Inference.Scheduling;

namespace GenWorld.Inference.Generation;

/// <summary>
/// The host-agnostic texture API: latent grid + tile size → RGBA8 tile, through one <see cref="InferenceScheduler"/>
/// per tile size (batching, LRU cache of finished tiles keyed by quantised latent + model version, prefetch, metrics).
/// Thread-safe; cancelled requests that have not started are never computed; the model can be hot-swapped while serving.
/// </summary>
public sealed class TextureGenerationService : IDisposable
{
    private readonly SchedulerOptions? _options;
    private readonly Dictionary<int, InferenceScheduler> _bySize = [];
    private readonly Lock _lock = new();
    private SharedModelFolder _current;
    private string _version;
    private bool _disposed;

    /// <summary>Serves a loaded texture-GAN folder (now owned by the service).</summary>
    public TextureGenerationService(ModelFolder model, SchedulerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        Generator = new TextureGenerator(model); // checks the kind
        _options = options;
        _current = new SharedModelFolder(model);
        _version = ModelVersionTag.Of(model, "generator", "rgba8");
    }

    /// <summary>Opens a model folder (validated, warmed up) and serves it.</summary>
    public static TextureGenerationService Open(string folder, SchedulerOptions? options = null, OrtSessionFactory? factory = null, OrtSessionSettings? settings = null) =>
        new(ModelFolder.Open(folder, factory ?? new OrtSessionFactory(_ => { }), settings), options);

    /// <summary>Direct access to the current model (seeded latents, sizes); generation through it skips the scheduler.</summary>
    public TextureGenerator Generator { get; private set; }

    /// <summary>Version of the model new requests go to.</summary>
    public string ModelVersion { get { lock (_lock) return _version; } }

    /// <summary>An RGBA8 tile (row-major, top row first, size×size×4 bytes, a new array the caller owns).</summary>
    /// <exception cref="ArgumentException">Wrong latent length for the size, or NaN / infinite values.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The size is not a multiple of 16 in 16..4096.</exception>
    public Task<byte[]> GenerateTextureAsync(float[] latent, int size, CancellationToken cancellationToken = default)
    {
        Generator.Validate(latent, size); // on the caller's thread: bad input throws here, nothing is queued
        return Unpacked(Scheduler(size).RequestAsync(latent, null, RequestPriority.Normal, cancellationToken));
    }

    private static async Task<byte[]> Unpacked(Task<float[]> row) => TextureTileGenerator.Unpack(await row.ConfigureAwait(false));

    /// <summary>Prefetch tiles of one size into the cache; returns how many were newly queued.</summary>
    public int Hint(IEnumerable<float[]> latents, int size, RequestPriority priority = RequestPriority.Low)
    {
        ArgumentNullException.ThrowIfNull(latents);
        List<float[]> all = [.. latents];
        foreach (float[] latent in all) Generator.Validate(latent, size);
        return Scheduler(size).Hint(all, priority);
    }

    /// <summary>Loads a new version of a texture folder while serving, then swaps every tile size over to it.</summary>
    public void SwapModel(string folder, OrtSessionFactory? factory = null, OrtSessionSettings? settings = null)
    {
        ModelFolder model = ModelFolder.Open(folder, factory ?? new OrtSessionFactory(_ => { }), settings);
        var shared = new SharedModelFolder(model);
        try
        {
            var generator = new TextureGenerator(model);
            if (generator.LatentChannels != Generator.LatentChannels || model.Manifest.Kind != ModelKind.TextureGan)
                throw new ArgumentException($"'{folder}' takes {generator.LatentChannels} latent channels; the model served takes {Generator.LatentChannels}", nameof(folder));
            string version = ModelVersionTag.Of(model, "generator", "rgba8");
            lock (_lock)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (version == _version) throw new ArgumentException($"model version '{version}' is already being served", nameof(folder));
                foreach ((int size, InferenceScheduler scheduler) in _bySize)
                    scheduler.Swap(new TextureTileGenerator(shared, size, version));
                (SharedModelFolder old, _current, _version, Generator) = (_current, shared, version, generator);
                old.Release();
            }
        }
        catch
        {
            shared.Release();
            throw;
        }
    }

    /// <summary>Live figures of the scheduler for one tile size (zeros before its first request).</summary>
    public SchedulerMetrics Metrics(int size) => Scheduler(size).Metrics();

    /// <summary>Stops every scheduler and releases the model.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed) return;
            _disposed = true;
        }
        foreach (InferenceScheduler scheduler in _bySize.Values) scheduler.Dispose();
        _current.Release();
    }

    private InferenceScheduler Scheduler(int size)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_bySize.TryGetValue(size, out InferenceScheduler? scheduler))
            {
                Generator.LatentLength(size); // throws for a bad size
                scheduler = new InferenceScheduler(new TextureTileGenerator(_current, size, _version), _options);
                _bySize.Add(size, scheduler);
            }
            return scheduler;
        }
    }
}
