using GenWorld.Audio.Output;
using GenWorld.Audio.Voices;
using GenWorld.World;
using GenWorld.World.Cameras;
using GenWorld.World.Emitters;

namespace GenWorld.Host.Scene;

/// <summary>
/// Hands a world's ready emitters to the voice pool each frame (looping voices, gain = the world's earshot fade, reverb
/// size = the field's local density). The pool picks the nearest, fades, and frees its buffers; a new content version
/// of an emitter (re-trigger) becomes a new <see cref="VoiceSound"/>, which the pool cross-fades to.
/// </summary>
public sealed class EmitterVoices : IDisposable
{
    private readonly IVoicePool _pool;
    private readonly Dictionary<int, (int Version, VoiceSound Sound)> _sounds = [];
    private readonly List<VoiceRequest> _requests = [];

    /// <summary>A voice pool on <paramref name="output"/> (8 voices unless <paramref name="options"/> say otherwise).</summary>
    public EmitterVoices(IAudioOutput output, VoicePoolOptions? options = null, float masterGain = 0.5f)
    {
        _pool = VoicePools.For(output, options ?? new VoicePoolOptions { MaxVoices = 8 });
        MasterGain = masterGain;
    }

    /// <summary>Gain on top of each emitter's fade (0..4); a remote controller may change it while playing.</summary>
    public float MasterGain
    {
        get;
        set => field = value is >= 0 and <= 4 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "master gain must be 0..4");
    }

    /// <summary>Voices playing now.</summary>
    public int Playing => _pool.Voices.Count;

    /// <summary>Looping voices the pool found stopped while they should sound (see <see cref="IVoicePool.Starved"/>).</summary>
    public int Starved => _pool.Starved;

    /// <summary>The pool underneath.</summary>
    public IVoicePool Pool => _pool;

    /// <summary>Moves the listener and brings the voices in line with the world after an update.</summary>
    public void Sync(LatentWorld world, Pose listener)
    {
        foreach (int id in world.RemovedEmitters) _sounds.Remove(id);
        _requests.Clear();
        foreach (Emitter e in world.Emitters)
        {
            if (e.Samples is null || e.Gain <= 0) continue;
            if (!_sounds.TryGetValue(e.Id, out var sound) || sound.Version != e.ContentVersion)
                _sounds[e.Id] = sound = (e.ContentVersion, new VoiceSound(e.Samples, e.SampleRate));
            _requests.Add(new VoiceRequest(e.Id, e.Position, default, sound.Sound, VoicePlayback.Looping, e.Gain * MasterGain));
        }
        _pool.Density = world.LocalDensity;
        _pool.Update(world.Time, new ListenerPose(listener.Position, listener.Forward, listener.Up), world.ListenerVelocity, [.. _requests]);
    }

    /// <inheritdoc/>
    public void Dispose() => _pool.Dispose();
}
