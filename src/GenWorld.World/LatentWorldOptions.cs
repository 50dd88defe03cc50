using GenWorld.Inference;
using GenWorld.Inference.Scheduling;
using GenWorld.World.Projection;

namespace GenWorld.World;

/// <summary>How the world lays out, places emitters and generates content.</summary>
public sealed record LatentWorldOptions
{
    /// <summary>Layout of latents in space.</summary>
    public ProjectionOptions Projection { get; init; } = new();

    /// <summary>Emitters within this distance may be heard (world units).</summary>
    public float EarshotRadius { get; init; } = 8f;

    /// <summary>Emitters are created (and their sound requested) this far out, ahead of earshot.</summary>
    public float TrackRadius { get; init; } = 13f;

    /// <summary>
    /// Least distance between emitter sites: emitters sit on a Poisson-disc subset of the anchors (greedy in anchor order,
    /// so deterministic), so voices are spread in space instead of piling up where the dataset is dense.
    /// </summary>
    public float EmitterSpacing { get; init; } = 3f;

    /// <summary>Most emitters tracked at once (the nearest win).</summary>
    public int MaxEmitters { get; init; } = 16;

    /// <summary>Most emitters audible at once (the nearest in earshot).</summary>
    public int MaxAudible { get; init; } = 8;

    /// <summary>Sample rate of emitter samples (the host's mix rate).</summary>
    public int OutputSampleRate { get; init; } = 48000;

    /// <summary>Seconds ahead on the listener's extrapolated path where content is prefetched (Hint).</summary>
    public IReadOnlyList<double> PrefetchSeconds { get; init; } = [0.5, 1.0, 2.0];

    /// <summary>A texture-GAN model folder for emitter objects' textures; null: no textures.</summary>
    public string? TextureModel { get; init; }

    /// <summary>Texture size in pixels (multiple of 16).</summary>
    public int TextureSize { get; init; } = 64;

    /// <summary>
    /// Inference scheduler settings. Sound clips decode one at a time, so batching would only make the nearest emitter
    /// wait for the others in its batch: one request (and one hint) per generator call, in priority order. Two workers
    /// (where there are two cores) decode two emitters at once after a teleport, when eight new clips are wanted together;
    /// prefetch hints keep to one of them.
    /// </summary>
    public SchedulerOptions Scheduler { get; init; } = new(MaxBatchSize: 1, MaxBatchWaitMs: 0, PrefetchBatchSize: 1, Workers: Math.Min(2, Environment.ProcessorCount));

    /// <summary>ONNX Runtime session settings.</summary>
    public OrtSessionSettings Sessions { get; init; } = OrtSessionSettings.Default with { IntraOpThreads = 1 };

    /// <summary>
    /// Called on a generation thread each time an emitter's sound (or its failure) is ready for the next
    /// <see cref="LatentWorld.Update"/>, so a host can run that update now instead of at its next regular frame. Must
    /// return at once and never throw; null: nobody is told.
    /// </summary>
    public Action? SoundArrived { get; init; }

    /// <summary>Log lines (device choice, fallbacks); null: stderr.</summary>
    public Action<string>? Log { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad field.</summary>
    public void Validate()
    {
        Projection.Validate();
        Scheduler.Validate();
        Sessions.Validate();
        static void Require(bool ok, string field, object value, string rule)
        {
            if (!ok) throw new ArgumentException($"{field} = {value} {rule}", field);
        }
        Require(EarshotRadius > 0 && float.IsFinite(EarshotRadius), nameof(EarshotRadius), EarshotRadius, "must be a positive number");
        Require(TrackRadius >= EarshotRadius && float.IsFinite(TrackRadius), nameof(TrackRadius), TrackRadius, $"must be at least EarshotRadius ({EarshotRadius})");
        Require(EmitterSpacing >= 0 && float.IsFinite(EmitterSpacing), nameof(EmitterSpacing), EmitterSpacing, "must be 0 (every anchor) or a positive distance");
        Require(MaxEmitters >= 1, nameof(MaxEmitters), MaxEmitters, "must be at least 1");
        Require(MaxAudible >= 1 && MaxAudible <= MaxEmitters, nameof(MaxAudible), MaxAudible, $"must be 1..MaxEmitters ({MaxEmitters})");
        Require(OutputSampleRate is >= 8000 and <= 192000, nameof(OutputSampleRate), OutputSampleRate, "must be 8000..192000 Hz");
        Require(PrefetchSeconds.All(s => s > 0 && double.IsFinite(s)), nameof(PrefetchSeconds), string.Join(",", PrefetchSeconds), "must all be positive");
        Require(TextureSize >= 16 && TextureSize % 16 == 0 && TextureSize <= 1024, nameof(TextureSize), TextureSize, "must be a multiple of 16 in 16..1024");
    }
}
