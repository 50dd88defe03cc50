using GenWorld.Inference.Finishing;
using GenWorld.Inference.Scheduling;

namespace GenWorld.Inference.Generation;

/// <summary>
/// The host-agnostic sound API: latent + conditioning → finished samples at the output rate, through the
/// <see cref="InferenceScheduler"/> (micro-batching, an LRU cache of finished clips keyed by quantised latent + pitch +
/// model version, prefetch hints, live metrics). Thread-safe; a cancelled request that has not started is never computed.
/// The model can be hot-swapped while serving: running batches finish on the old one, nothing fails.
/// </summary>
public sealed class SoundGenerationService : IDisposable
{
    private readonly InferenceScheduler _scheduler;
    private readonly Lock _swapLock = new();
    private ISoundBatchGenerator _current; // shape and rate never change, so reading a stale one is harmless

    /// <summary>Serves <paramref name="generator"/> (now owned by the service).</summary>
    public SoundGenerationService(ISoundBatchGenerator generator, SchedulerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(generator);
        if (generator.ConditioningSize != (generator.Pitch?.Count ?? 0))
            throw new ArgumentException($"generator '{generator.Version}' has conditioning of {generator.ConditioningSize} values but pitch range {generator.Pitch?.ToString() ?? "none"}", nameof(generator));
        _current = generator;
        _scheduler = new InferenceScheduler(generator, options);
    }

    /// <summary>Opens a model folder (validated, warmed up) and serves it.</summary>
    public static SoundGenerationService Open(string folder, SoundFinishing? finishing = null, SchedulerOptions? options = null,
        OrtSessionFactory? factory = null, OrtSessionSettings? settings = null) =>
        new(SoundModels.Open(folder, finishing, factory, settings), options);

    /// <summary>Latent values per request.</summary>
    public int LatentSize => _current.LatentSize;

    /// <summary>Rate of the returned samples in Hz.</summary>
    public int SampleRate => _current.SampleRate;

    /// <summary>Samples per returned clip.</summary>
    public int ClipLength => _current.OutputLength;

    /// <summary>Trained pitches, or null for an unconditional model.</summary>
    public PitchRange? Pitch => _current.Pitch;

    /// <summary>Version of the model new requests go to.</summary>
    public string ModelVersion => _scheduler.ModelVersion;

    /// <summary>
    /// A finished clip for <paramref name="latent"/> (a new array the caller owns). Bad input throws at once, before
    /// anything is queued; cancelling drops the work unless another request still wants the same latent.
    /// </summary>
    /// <exception cref="ArgumentException">Wrong latent length, NaN or infinite values, a pitch missing or unexpected.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The pitch is outside the trained range.</exception>
    public Task<float[]> GenerateSoundAsync(float[] latent, SoundConditioning conditioning, CancellationToken cancellationToken) =>
        GenerateSoundAsync(latent, conditioning, RequestPriority.Normal, cancellationToken);

    /// <summary>As above, batched ahead of or after other requests by <paramref name="priority"/>.</summary>
    public Task<float[]> GenerateSoundAsync(float[] latent, SoundConditioning conditioning, RequestPriority priority = RequestPriority.Normal,
        CancellationToken cancellationToken = default) =>
        _scheduler.RequestAsync(latent, ConditioningVector(conditioning), priority, cancellationToken);

    /// <summary>Prefetch: these latents (one conditioning for all) are made into the cache when no request waits.</summary>
    /// <returns>How many were newly queued (cached or pending ones are skipped).</returns>
    public int Hint(IEnumerable<float[]> latents, SoundConditioning conditioning, RequestPriority priority = RequestPriority.Low) =>
        _scheduler.Hint(latents, priority, ConditioningVector(conditioning));

    /// <summary>Serves <paramref name="next"/> from now on; it must take the same latent, pitches and output rate.</summary>
    /// <exception cref="ArgumentException">Another shape, rate or pitch range, or the version already served.</exception>
    public void Swap(ISoundBatchGenerator next)
    {
        ArgumentNullException.ThrowIfNull(next);
        lock (_swapLock)
        {
            if (next.SampleRate != _current.SampleRate || next.Pitch != _current.Pitch || next.OutputLength != _current.OutputLength)
                throw new ArgumentException($"generator '{next.Version}' makes {next.OutputLength} samples at {next.SampleRate} Hz for pitches {next.Pitch?.ToString() ?? "none"}; "
                    + $"this service serves {_current.OutputLength} at {_current.SampleRate} Hz for {_current.Pitch?.ToString() ?? "none"}", nameof(next));
            _scheduler.Swap(next);
            _current = next;
        }
    }

    /// <summary>
    /// Loads a new version of a model folder on the calling thread (validation and warm-up included) while the current
    /// one keeps serving, then swaps. If loading fails the current model stays and the error is thrown.
    /// </summary>
    public void SwapModel(string folder, SoundFinishing? finishing = null, OrtSessionFactory? factory = null, OrtSessionSettings? settings = null)
    {
        ISoundBatchGenerator next = SoundModels.Open(folder, finishing ?? _current.Finishing, factory, settings);
        try
        {
            Swap(next);
        }
        catch
        {
            next.Dispose();
            throw;
        }
    }

    /// <summary>Live figures: latency percentiles, queue depths, cache hit rate, batch sizes.</summary>
    public SchedulerMetrics Metrics() => _scheduler.Metrics();

    /// <summary>Stops serving; requests still queued fail with <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose() => _scheduler.Dispose();

    private float[]? ConditioningVector(SoundConditioning conditioning)
    {
        PitchRange? range = _current.Pitch;
        if (range is null)
            return conditioning.MidiPitch is null ? null
                : throw new ArgumentException($"model '{ModelVersion}' is not pitch-conditioned; pass no pitch", nameof(conditioning));
        return conditioning.MidiPitch is int pitch
            ? range.Value.OneHot(pitch)
            : throw new ArgumentException($"model '{ModelVersion}' needs a MIDI pitch in {range}", nameof(conditioning));
    }
}
