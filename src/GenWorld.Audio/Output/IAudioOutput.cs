using GenWorld.Core.Audio;

namespace GenWorld.Audio.Output;

/// <summary>
/// Where the world's sounds go. Higher layers talk to this, never to OpenAL: <see cref="OpenAlAudioOutput"/>
/// plays (or loopback-renders) for real, <see cref="NullAudioOutput"/> runs silent with the same behaviour.
/// </summary>
public interface IAudioOutput : IDisposable
{
    /// <summary>What is playing the sound, e.g. "OpenAL Soft: No Output" or "no sound".</summary>
    string DeviceName { get; }

    /// <summary>False when nothing can be heard (no-sound output, or OpenAL's null backend).</summary>
    bool IsAudible { get; }

    /// <summary>False once the device behind this output has gone away; its voices are then silent for good.</summary>
    bool IsConnected { get; }

    /// <summary>The listener's ears.</summary>
    ListenerPose Listener { get; set; }

    /// <summary>Prepares a clip for playback (mono clips are spatialised; stereo plays as is).</summary>
    IAudioSound Load(AudioClip clip);

    /// <summary>Starts a voice playing <paramref name="sound"/>.</summary>
    IAudioVoice Play(IAudioSound sound, VoiceSettings settings);
}
