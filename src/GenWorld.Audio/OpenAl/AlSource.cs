using System.Numerics;
using static GenWorld.Audio.Native.AlConstants;
using static GenWorld.Audio.Native.EfxConstants;

namespace GenWorld.Audio.OpenAl;

/// <summary>A sound emitter: plays a buffer at a position, with distance attenuation, Doppler and effect sends.</summary>
public sealed unsafe class AlSource : AlObject
{
    private readonly Dictionary<int, uint> _sends = []; // auxiliary send → effect slot name (Efx/ builds its API on this)
    private AlBuffer? _buffer;

    private AlSource(AlContext context, uint name) : base(context, name, "source") { }

    internal static AlSource Create(AlContext context)
    {
        context.MakeCurrent();
        uint name;
        context.Api.Al.alGenSources(1, &name);
        AlErrors.CheckAl(context.Api, "alGenSources");
        return new AlSource(context, name);
    }

    /// <summary>The buffer to play (set while stopped); null detaches it.</summary>
    public AlBuffer? Buffer
    {
        get => _buffer;
        set
        {
            if (value is not null && value.Context.Device != Context.Device)
                throw new ArgumentException("The buffer belongs to another OpenAL device.", nameof(value));
            Use();
            if (State is AlSourceState.Playing or AlSourceState.Paused) Stop();
            Api.Al.alSourcei(Name, AL_BUFFER, (int)(value?.Name ?? 0));
            Check("alSourcei(AL_BUFFER)");
            _buffer = value;
        }
    }

    /// <summary>Position in world units (or relative to the listener when <see cref="IsRelative"/>).</summary>
    public Vector3 Position { get => Get3(AL_POSITION); set => Set3(AL_POSITION, value, "AL_POSITION"); }

    /// <summary>Velocity for Doppler, in world units per second.</summary>
    public Vector3 Velocity { get => Get3(AL_VELOCITY); set => Set3(AL_VELOCITY, value, "AL_VELOCITY"); }

    /// <summary>Linear gain (default 1).</summary>
    public float Gain { get => GetF(AL_GAIN); set => SetF(AL_GAIN, NonNegative(value), "AL_GAIN"); }

    /// <summary>Playback rate factor (default 1; must be positive).</summary>
    public float Pitch
    {
        get => GetF(AL_PITCH);
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            SetF(AL_PITCH, value, "AL_PITCH");
        }
    }

    /// <summary>Distance at which the gain is 1 before rolling off (default 1).</summary>
    public float ReferenceDistance { get => GetF(AL_REFERENCE_DISTANCE); set => SetF(AL_REFERENCE_DISTANCE, NonNegative(value), "AL_REFERENCE_DISTANCE"); }

    /// <summary>How fast gain falls past the reference distance (default 1).</summary>
    public float RolloffFactor { get => GetF(AL_ROLLOFF_FACTOR); set => SetF(AL_ROLLOFF_FACTOR, NonNegative(value), "AL_ROLLOFF_FACTOR"); }

    /// <summary>Distance beyond which clamped models stop attenuating (default float.MaxValue).</summary>
    public float MaxDistance { get => GetF(AL_MAX_DISTANCE); set => SetF(AL_MAX_DISTANCE, NonNegative(value), "AL_MAX_DISTANCE"); }

    /// <summary>Whether playback loops at the end of the buffer.</summary>
    public bool Looping { get => GetI(AL_LOOPING) == AL_TRUE; set => SetI(AL_LOOPING, value ? AL_TRUE : AL_FALSE, "AL_LOOPING"); }

    /// <summary>Whether <see cref="Position"/> is relative to the listener (e.g. UI sounds at the head).</summary>
    public bool IsRelative { get => GetI(AL_SOURCE_RELATIVE) == AL_TRUE; set => SetI(AL_SOURCE_RELATIVE, value ? AL_TRUE : AL_FALSE, "AL_SOURCE_RELATIVE"); }

    /// <summary>Playback position in frames within the buffer.</summary>
    public int SampleOffset
    {
        get => GetI(AL_SAMPLE_OFFSET);
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            SetI(AL_SAMPLE_OFFSET, value, "AL_SAMPLE_OFFSET");
        }
    }

    /// <summary>Playing, paused, stopped or initial.</summary>
    public AlSourceState State => (AlSourceState)GetI(AL_SOURCE_STATE);

    /// <summary>Starts (or restarts) playback.</summary>
    public void Play() => Call(Api.Al.alSourcePlay, "alSourcePlay");

    /// <summary>Stops playback.</summary>
    public void Stop() => Call(Api.Al.alSourceStop, "alSourceStop");

    /// <summary>Pauses playback.</summary>
    public void Pause() => Call(Api.Al.alSourcePause, "alSourcePause");

    /// <summary>Stops and returns to the start (state Initial).</summary>
    public void Rewind() => Call(Api.Al.alSourceRewind, "alSourceRewind");

    /// <summary>
    /// Points auxiliary send <paramref name="send"/> at the effect slot named <paramref name="slot"/> (AL_EFFECTSLOT_NULL
    /// disconnects it). The typed API is <c>Efx.AlSourceSends.SendTo</c>; this layer knows slot names only, so OpenAl/
    /// does not depend on Efx/.
    /// </summary>
    internal void SetAuxiliarySend(int send, uint slot)
    {
        int sends = Context.Device.MaxAuxiliarySends;
        if (send < 0 || send >= sends)
            throw new ArgumentOutOfRangeException(nameof(send), send, $"This device has {sends} auxiliary sends per source.");
        Use();
        Api.Al.alSource3i(Name, AL_AUXILIARY_SEND_FILTER, (int)slot, send, AL_FILTER_NULL);
        Check($"alSource3i(AL_AUXILIARY_SEND_FILTER, send {send})");
        if (slot == AL_EFFECTSLOT_NULL) _sends.Remove(send);
        else _sends[send] = slot;
    }

    internal bool SendsTo(uint slot) => _sends.ContainsValue(slot);

    internal void Disconnect(uint slot)
    {
        foreach (int send in _sends.Where(p => p.Value == slot).Select(p => p.Key).ToArray()) SetAuxiliarySend(send, AL_EFFECTSLOT_NULL);
    }

    /// <summary>A source holds effect slots and buffers: freed first.</summary>
    internal override int DeleteOrder => 0;

    private protected override void DeleteCore()
    {
        uint name = Name;
        Api.Al.alDeleteSources(1, &name);
    }

    private void Call(delegate* unmanaged<uint, void> function, string call)
    {
        Use();
        function(Name);
        Check(call);
    }

    private static float NonNegative(float value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        return value;
    }

    private float GetF(int param)
    {
        Use();
        float v;
        Api.Al.alGetSourcef(Name, param, &v);
        return v;
    }

    private void SetF(int param, float value, string paramName)
    {
        Use();
        Api.Al.alSourcef(Name, param, value);
        Check($"alSourcef({paramName}, {value})");
    }

    private int GetI(int param)
    {
        Use();
        int v;
        Api.Al.alGetSourcei(Name, param, &v);
        return v;
    }

    private void SetI(int param, int value, string paramName)
    {
        Use();
        Api.Al.alSourcei(Name, param, value);
        Check($"alSourcei({paramName}, {value})");
    }

    private Vector3 Get3(int param)
    {
        Use();
        float x, y, z;
        Api.Al.alGetSource3f(Name, param, &x, &y, &z);
        return new Vector3(x, y, z);
    }

    private void Set3(int param, Vector3 value, string paramName)
    {
        if (!float.IsFinite(value.X) || !float.IsFinite(value.Y) || !float.IsFinite(value.Z))
            throw new ArgumentException($"{paramName} must be finite, got {value}.", nameof(value));
        Use();
        Api.Al.alSource3f(Name, param, value.X, value.Y, value.Z);
        Check($"alSource3f({paramName})");
    }
}
