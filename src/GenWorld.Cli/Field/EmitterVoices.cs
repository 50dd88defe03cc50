using GenWorld.Audio.Output;
using GenWorld.Core.Audio;
using GenWorld.World;
using GenWorld.World.Cameras;
using GenWorld.World.Emitters;

namespace GenWorld.Cli.Field;

/// <summary>
/// Plays a world's audible emitters on an <see cref="IAudioOutput"/>: one looping positioned voice per emitter whose
/// sound is ready, its gain following the emitter's fade; voices stop when the emitter leaves or its gain reaches 0,
/// and reload when the emitter's content version changes (re-trigger). To be replaced by the VoicePool.
/// </summary>
internal sealed class EmitterVoices(IAudioOutput output, float masterGain = 0.6f) : IDisposable
{
    private readonly Dictionary<int, (IAudioSound Sound, IAudioVoice Voice, int Version)> _voices = [];

    public int Playing => _voices.Count;

    /// <summary>Moves the listener and brings the voices in line with the world after an update.</summary>
    public void Sync(LatentWorld world, Pose listener)
    {
        output.Listener = new ListenerPose(listener.Position, listener.Forward, listener.Up);
        foreach (int id in world.RemovedEmitters) Release(id);
        foreach (Emitter e in world.Emitters)
        {
            bool has = _voices.TryGetValue(e.Id, out var v);
            if (!e.IsAudible || e.Gain <= 0 || e.Samples is null)
            {
                if (has) Release(e.Id);
                continue;
            }
            if (has && v.Version != e.ContentVersion)
            {
                Release(e.Id);
                has = false;
            }
            if (!has)
            {
                IAudioSound sound = output.Load(new AudioClip(e.Samples, 1, e.SampleRate));
                IAudioVoice voice = output.Play(sound, new VoiceSettings(e.Position, e.Gain * masterGain, Looping: true));
                _voices[e.Id] = (sound, voice, e.ContentVersion);
            }
            else v.Voice.Gain = e.Gain * masterGain;
        }
    }

    public void Dispose()
    {
        foreach (int id in _voices.Keys.ToArray()) Release(id);
    }

    private void Release(int id)
    {
        if (!_voices.Remove(id, out var v)) return;
        v.Voice.Stop();
        v.Voice.Dispose();
        v.Sound.Dispose();
    }
}
