using System.Numerics;

namespace GenWorld.Audio.Output;

/// <summary>One playing instance of a sound, moved and stopped by the caller.</summary>
public interface IAudioVoice : IDisposable
{
    /// <summary>World position.</summary>
    Vector3 Position { get; set; }

    /// <summary>Linear gain.</summary>
    float Gain { get; set; }

    /// <summary>True until stopped or (when not looping) until the sound ends.</summary>
    bool IsPlaying { get; }

    /// <summary>Stops playback; the voice can be disposed afterwards.</summary>
    void Stop();
}
