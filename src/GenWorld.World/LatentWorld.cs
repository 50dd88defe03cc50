using System.Collections.Concurrent;
using GenWorld.Core.Models;
using GenWorld.Inference;
using GenWorld.Inference.Finishing;
using GenWorld.Inference.Generation;
using GenWorld.Inference.Models;
using GenWorld.Inference.Scheduling;
using GenWorld.World.Anchors;
using GenWorld.World.Cameras;
using GenWorld.World.Emitters;
using GenWorld.World.Materials;
using GenWorld.World.Projection;

namespace GenWorld.World;

/// <summary>
/// The navigable latent field, as a library any host drives: open it from a sound-VAE model folder (with anchors),
/// call <see cref="Update"/> once a frame with the time and the listener's pose, then read <see cref="Anchors"/> to
/// draw, <see cref="Emitters"/> to play and <see cref="Stats"/> for a HUD. Update never waits for inference: sounds
/// are generated on the inference scheduler's worker, prefetched along the listener's extrapolated path, and show up
/// as ready emitters in a later frame. Call every member from one thread (the host's game loop).
/// </summary>
public sealed partial class LatentWorld : IDisposable
{
    private readonly LatentWorldOptions _options;
    private readonly ModelFolder _sound;
    private readonly ModelFolder? _textures;
    private readonly bool _ownsModels;
    private readonly SoundGenerationService _sounds;
    private readonly EmitterTextureWork? _textureWork;
    private readonly GroundMaterialTracker? _ground;
    private readonly PathPrefetch _prefetch;
    private readonly EmitterSites _emitterGrid;
    private readonly (int Min, int Max)? _pitchRange;
    private readonly ConcurrentQueue<Arrival> _arrivals = new();
    private readonly Dictionary<int, Emitter> _emitters = [];
    private readonly List<Emitter> _ordered = [];
    private readonly List<int> _removed = [];
    private readonly LatencyRing _latency = new(4096);
    private int _enteredEarshot, _readyWhenInEarshot, _spawnedInEarshot, _originalsServed;
    private double _lastUpdateMs, _maxUpdateMs;
    private bool _disposed;
    private OriginalClips? _originals;

    private LatentWorld(ModelFolder sound, AnchorSet anchors, ModelFolder? textures, LatentWorldOptions options, bool ownsModels)
    {
        _options = options;
        _sound = sound;
        _textures = textures;
        _ownsModels = ownsModels;
        AnchorSet = anchors;
        Projection = LatentProjection.Build(anchors, options.Projection);
        var palette = WorldColour.Palette(anchors.Header.LabelNames.Count);
        Anchors = [.. anchors.Anchors.Select(a => new FieldAnchor(a.Index, Projection.Positions[a.Index], a.Label, anchors.LabelName(a.Label), palette[a.Label], a.Pitch))];
        _emitterGrid = new EmitterSites(Projection.Positions, options.EmitterSpacing, Math.Max(options.TrackRadius / 2, 0.5f));
        ModelManifest m = sound.Manifest;
        _pitchRange = m.Conditioning is { PitchMin: int lo, PitchMax: int hi } ? (lo, hi) : null;
        // The inference layer's generator and service: decode, one-iSTFT inversion, polyphase resampling to the output
        // rate and loudness finishing run on the scheduler's worker, so the cache holds playable clips.
        var generator = new SoundVaeBatchGenerator(sound, new SoundFinishing(OutputRate: options.OutputSampleRate), maxParallelism: 1);
        _sounds = new SoundGenerationService(new BorrowedSoundGenerator(generator, ownsModels), options.Scheduler);
        // Collaborators by responsibility: texture tiles (one at a time, off the game thread) and path prefetch hints.
        if (textures is not null)
        {
            var textureGenerator = new TextureGenerator(textures);
            // Materials come from the sound: emitters and the ground under the listener share one mapping, so an
            // emitter and the ground beside its anchor wear the same material.
            Materials = new MaterialMapping(anchors.AllLatents, anchors.LatentSize, textureGenerator.LatentChannels,
                options.TextureSize / TextureGenerator.PixelsPerCell);
            _textureWork = new EmitterTextureWork(textureGenerator, options.TextureSize,
                (e, tile) => _arrivals.Enqueue(new Arrival(e, e.Variation, null, tile, null, 0)));
            _ground = new GroundMaterialTracker(_textureWork, Materials, anchors, Projection, options.TrackRadius * 2);
        }
        _prefetch = new PathPrefetch(_emitterGrid, Anchors, Projection, options, _sounds, PitchOf);
    }

    /// <summary>Opens a world over a sound-VAE model folder that holds anchors.json/anchors.bin, or over a user field folder.</summary>
    /// <exception cref="FileNotFoundException">The folder has no anchors (the message says how to make them).</exception>
    /// <exception cref="InvalidDataException">The anchors belong to another model or version.</exception>
    public static LatentWorld Open(string modelFolder, LatentWorldOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelFolder);
        options ??= new LatentWorldOptions();
        options.Validate();
        // A user field (field encode --out) holds anchors and names its model; a model folder holds both.
        AnchorSet anchors = FieldFolder.LoadAnchors(modelFolder);
        var factory = new OrtSessionFactory(options.Log);
        ModelFolder sound = ModelFolder.Open(FieldFolder.Resolve(modelFolder).Model, factory, options.Sessions);
        ModelFolder? textures = null;
        try
        {
            textures = options.TextureModel is null ? null : ModelFolder.Open(options.TextureModel, factory, options.Sessions);
            LatentWorld world = Create(sound, anchors, textures, options, ownsModels: true);
            IReadOnlyDictionary<string, string> originals = FieldFolder.Originals(modelFolder);
            if (originals.Count > 0) world._originals = new OriginalClips(originals, options.OutputSampleRate);
            return world;
        }
        catch
        {
            textures?.Dispose();
            sound.Dispose();
            throw;
        }
    }

    /// <summary>A world over models the caller already loaded (and keeps owning unless <paramref name="ownsModels"/>).</summary>
    public static LatentWorld Create(ModelFolder sound, AnchorSet anchors, ModelFolder? textures, LatentWorldOptions? options = null, bool ownsModels = false)
    {
        ArgumentNullException.ThrowIfNull(sound);
        ArgumentNullException.ThrowIfNull(anchors);
        options ??= new LatentWorldOptions();
        options.Validate();
        ModelManifest m = sound.Manifest;
        if (anchors.LatentSize != m.LatentSize || anchors.Header.Model != m.Name || anchors.Header.ModelVersion != m.Version)
            throw new InvalidDataException(
                $"anchors were made by {anchors.Header.Model} v{anchors.Header.ModelVersion} ({anchors.LatentSize}-d latents), not {m.Name} v{m.Version} ({m.LatentSize}-d); " +
                $"re-encode with `genworld field encode --model {sound.Path} --dataset DIR`.");
        return new LatentWorld(sound, anchors, textures, options, ownsModels);
    }

    /// <summary>The encoded dataset the field is built from.</summary>
    public AnchorSet AnchorSet { get; }

    /// <summary>Latent ↔ position.</summary>
    public LatentProjection Projection { get; }

    /// <summary>Every anchor with its position, label and colour (fixed for the world's life).</summary>
    public IReadOnlyList<FieldAnchor> Anchors { get; }

    /// <summary>Anchors that can hold an emitter (a Poisson-disc subset at <see cref="LatentWorldOptions.EmitterSpacing"/>).</summary>
    public int EmitterSites => _emitterGrid.Count;

    /// <summary>Sound latent → texture latent for emitters' and the ground's materials (null without a texture model).</summary>
    public MaterialMapping? Materials { get; }

    /// <summary>The material of the ground under the listener: the nearest anchor's (null without a texture model or before its first tile).</summary>
    public GroundMaterial? Ground => _ground?.Current;

    /// <summary>Emitters tracked after the last update, nearest first.</summary>
    public IReadOnlyList<Emitter> Emitters => _ordered;

    /// <summary>Ids of emitters that left during the last update (free their voices and textures).</summary>
    public IReadOnlyList<int> RemovedEmitters => _removed;

    /// <summary>The last update's time (0 before the first).</summary>
    public double Time { get; private set; }

    /// <summary>The listener pose of the last update.</summary>
    public Pose Listener { get; private set; }

    /// <summary>How crowded the field is around the listener, 0..1 (hosts size their reverb by it).</summary>
    public float LocalDensity { get; private set; }

    /// <summary>The listener's smoothed velocity in world units per second (Doppler, prefetch).</summary>
    public System.Numerics.Vector3 ListenerVelocity => _velocity;

    /// <summary>Device the sound model runs on.</summary>
    public ExecutionDevice Device => _sound.Device;

    /// <summary>A snapshot of the live figures.</summary>
    public WorldStats Stats
    {
        get
        {
            SchedulerMetrics s = _sounds.Metrics();
            double p50, p99;
            lock (_latency) (p50, p99) = _latency.Percentiles();
            return new WorldStats
            {
                Anchors = Anchors.Count, Emitters = _ordered.Count, Audible = _ordered.Count(e => e.IsAudible),
                Pending = _ordered.Count(e => e.State == EmitterState.Pending), LatencyP50Ms = p50, LatencyP99Ms = p99,
                CacheHitRate = s.CacheHitRate, SoundCacheBytes = s.CacheBytes, HintsComputed = s.HintsComputed, EnteredEarshot = _enteredEarshot,
                ReadyWhenInEarshot = _readyWhenInEarshot, SpawnedInEarshot = _spawnedInEarshot, LastUpdateMs = _lastUpdateMs, MaxUpdateMs = _maxUpdateMs,
                OriginalsServed = _originalsServed,
            };
        }
    }

    /// <summary>Completes when every emitter tracked now has its sound (and texture) or failed; for offline hosts and tests.</summary>
    public Task WhenContentReady() =>
        Task.WhenAll(_ordered.SelectMany(e => new[] { e.Arrival, e.TextureArrival }).Append(_ground?.InFlight).Where(t => t is not null).Select(t => t!));

    /// <summary>Stops generation and releases the models (when owned).</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        foreach (Emitter e in _emitters.Values) e.Cancel?.Cancel();
        _sounds.Dispose(); // joins the worker; releases the sound model when the world owns it
        _ground?.Dispose();
        _textureWork?.Close(_emitters.Values);
        _textureWork?.Dispose();
        foreach (Emitter e in _emitters.Values) e.Cancel?.Dispose();
        if (_ownsModels) _textures?.Dispose();
    }

    private readonly record struct Arrival(Emitter Emitter, int Variation, float[]? Samples, EmitterTexture? Texture, string? Error, long At);
}
