using System.Numerics;
using GenWorld.Audio.Efx;
using GenWorld.Audio.OpenAl;
using GenWorld.Audio.Output;

namespace GenWorld.Audio.Voices;

/// <summary>
/// The OpenAL voice pool: <c>MaxVoices</c> sources made once, inverse-distance clamped attenuation, Doppler from the
/// velocities, HRTF when asked (default on) and every source sending to a <see cref="DensityReverb"/>. Buffers are
/// shaped against clicks, shared between voices playing the same sound and deleted when the last one lets go. Call it
/// from one thread (the one that owns the host's frame loop).
/// </summary>
public sealed class VoicePool : IVoicePool, IVoiceBackend
{
    private readonly AlContext _context;
    private readonly VoiceScheduler _scheduler;
    private readonly VoiceBuffers _buffers;
    private readonly AlSource[] _sources;
    private readonly (VoiceSound Sound, bool Loop)?[] _bound;
    private readonly DensityReverb? _reverb;
    private float _density = 0.5f;

    /// <summary>Sets up sources (and the reverb) on <paramref name="context"/>, which stays the caller's to dispose after the pool.</summary>
    public VoicePool(AlContext context, VoicePoolOptions? options = null)
    {
        Options = options ?? new VoicePoolOptions();
        Options.Validate();
        _context = context;
        SetHrtf(Options.Hrtf);
        context.DistanceModel = DistanceModel.InverseClamped;
        context.SpeedOfSound = Options.SpeedOfSound;
        context.DopplerFactor = Options.DopplerFactor;
        _scheduler = new VoiceScheduler(Options);
        _buffers = new VoiceBuffers(context, Options);
        _bound = new (VoiceSound, bool)?[Options.MaxVoices];
        _sources = new AlSource[Options.MaxVoices];
        try
        {
            if (Options.Reverb && context.Device.MaxAuxiliarySends > 0) _reverb = new DensityReverb(context, _density);
            for (int i = 0; i < _sources.Length; i++)
            {
                AlSource source = _sources[i] = context.CreateSource();
                source.Gain = 0;
                source.ReferenceDistance = Options.ReferenceDistance;
                source.RolloffFactor = Options.RolloffFactor;
                source.MaxDistance = Options.MaxDistance;
                if (_reverb is not null) source.SendTo(_reverb.Slot);
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The settings in use.</summary>
    public VoicePoolOptions Options { get; }

    /// <summary>Whether HRTF is rendering now (false when the device has no HRTF support or it is switched off).</summary>
    public bool HrtfEnabled => _context.Device.SupportsHrtf && _context.Device.IsHrtfEnabled;

    /// <summary>The reverb, or null when switched off or when the device lacks EFX.</summary>
    public DensityReverb? Reverb => _reverb;

    /// <summary>OpenAL buffers held for playing voices now.</summary>
    public int BufferCount => _buffers.Count;

    /// <summary>How many times voice <paramref name="slot"/> has (re)triggered its one-shot, for tests and HUDs.</summary>
    public int Triggers(int slot) => _scheduler.Slots[slot].Triggers;

    /// <inheritdoc />
    public float Density
    {
        get => _density;
        set
        {
            if (!(value is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(value), value, "Density must be 0..1.");
            _density = value;
            _reverb?.SetDensity(value);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<VoiceStatus> Voices => VoiceStatuses.Of(_scheduler);

    /// <inheritdoc />
    public int Starved => _scheduler.Starved;

    /// <summary>Switches HRTF (resets the device: a short glitch in what is playing); a device without HRTF ignores it.</summary>
    public void SetHrtf(bool on)
    {
        AlDevice device = _context.Device;
        if (!device.SupportsHrtf || device.IsHrtfEnabled == on) return;
        device.Reset(new ContextAttributes { Hrtf = on ? HrtfMode.On : HrtfMode.Off });
    }

    /// <inheritdoc />
    public void Update(double timeSeconds, ListenerPose listener, Vector3 listenerVelocity, ReadOnlySpan<VoiceRequest> wanted)
    {
        AlListener ears = _context.Listener;
        ears.Position = listener.Position;
        ears.Orientation = (listener.At, listener.Up);
        ears.Velocity = listenerVelocity;
        _scheduler.Update(timeSeconds, listener.Position, wanted, this);
    }

    /// <summary>Stops every voice and deletes the sources, buffers and reverb (the context stays).</summary>
    public void Dispose()
    {
        _scheduler.ReleaseAll(this);
        foreach (AlSource? source in _sources) source?.Dispose();
        _buffers.Dispose();
        _reverb?.Dispose();
    }

    void IVoiceBackend.Assign(int slot, VoiceRequest request)
    {
        AlSource source = _sources[slot];
        source.Buffer = _buffers.Acquire(request.Sound, request.Playback.Loop);
        source.Looping = request.Playback.Loop;
        _bound[slot] = (request.Sound, request.Playback.Loop);
    }

    void IVoiceBackend.Apply(int slot, VoiceRequest request, float gain, float pitch)
    {
        AlSource source = _sources[slot];
        source.Position = request.Position;
        source.Velocity = request.Velocity;
        source.Gain = gain;
        source.Pitch = pitch;
    }

    void IVoiceBackend.Trigger(int slot) => _sources[slot].Play();

    bool IVoiceBackend.IsPlaying(int slot) => _sources[slot].State == AlSourceState.Playing;

    void IVoiceBackend.Release(int slot)
    {
        AlSource source = _sources[slot];
        source.Stop();
        source.Gain = 0;
        source.Buffer = null;
        if (_bound[slot] is { } bound) _buffers.Release(bound.Sound, bound.Loop);
        _bound[slot] = null;
    }
}
