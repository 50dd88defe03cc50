using System.Numerics;
using GenWorld.Audio.Output;

namespace GenWorld.Audio.Voices;

/// <summary>
/// The pool with no sound: the same scheduler (nearest N, fades, steals, one-shot re-triggers timed by the sounds'
/// lengths), so a host without a sound card, and plain unit tests, see the same voices come and go.
/// </summary>
public sealed class NullVoicePool : IVoicePool, IVoiceBackend
{
    private readonly VoiceScheduler _scheduler;
    private double _time;
    private float _density = 0.5f;

    /// <summary>Creates the pool; only <c>MaxVoices</c>, fades, hysteresis and the seed of the options matter here.</summary>
    public NullVoicePool(VoicePoolOptions? options = null)
    {
        VoicePoolOptions o = options ?? new VoicePoolOptions();
        o.Validate();
        _scheduler = new VoiceScheduler(o);
    }

    /// <inheritdoc />
    public float Density
    {
        get => _density;
        set => _density = value is >= 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Density must be 0..1.");
    }

    /// <inheritdoc />
    public IReadOnlyList<VoiceStatus> Voices => VoiceStatuses.Of(_scheduler);

    /// <inheritdoc />
    public int Starved => _scheduler.Starved;

    /// <summary>How many times voice <paramref name="slot"/> has (re)triggered its one-shot.</summary>
    public int Triggers(int slot) => _scheduler.Slots[slot].Triggers;

    /// <inheritdoc />
    public void Update(double timeSeconds, ListenerPose listener, Vector3 listenerVelocity, ReadOnlySpan<VoiceRequest> wanted)
    {
        _time = timeSeconds;
        _scheduler.Update(timeSeconds, listener.Position, wanted, this);
    }

    /// <summary>Nothing to free.</summary>
    public void Dispose() { }

    void IVoiceBackend.Assign(int slot, VoiceRequest request) { }

    void IVoiceBackend.Apply(int slot, VoiceRequest request, float gain, float pitch) { }

    void IVoiceBackend.Trigger(int slot) { }

    // A silent loop never runs dry; a one-shot sounds for its length.
    bool IVoiceBackend.IsPlaying(int slot) =>
        _scheduler.Slots[slot].Request is { Playback.Loop: true } || _time < _scheduler.Slots[slot].PlayingUntil;

    void IVoiceBackend.Release(int slot) { }
}
