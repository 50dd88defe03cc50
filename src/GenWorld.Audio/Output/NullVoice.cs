using System.Numerics;

namespace GenWorld.Audio.Output;

/// <summary>A silent voice that is "playing" for as long as the real one would be.</summary>
internal sealed class NullVoice(TimeProvider time, double seconds, VoiceSettings settings) : IAudioVoice
{
    private readonly long _started = time.GetTimestamp();
    private readonly bool _looping = settings.Looping;
    private bool _stopped;

    public Vector3 Position { get; set; } = settings.Position;

    public float Gain { get; set; } = settings.Gain;

    public bool IsPlaying => !_stopped && (_looping || time.GetElapsedTime(_started).TotalSeconds < seconds);

    public void Stop() => _stopped = true;

    public void Dispose() => _stopped = true;
}
