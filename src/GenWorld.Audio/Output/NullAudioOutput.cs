using GenWorld.Core.Audio;

namespace GenWorld.Audio.Output;

/// <summary>
/// The no-sound output: same contract as <see cref="OpenAlAudioOutput"/>, nothing native. Voices play for their
/// clip's duration on <see cref="TimeProvider"/> time, so a test clock (FakeTimeProvider or a headless host) drives them.
/// </summary>
public sealed class NullAudioOutput(string reason, TimeProvider? time = null) : IAudioOutput
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Why the output is silent.</summary>
    public string Reason { get; } = reason;

    /// <inheritdoc />
    public string DeviceName => "no sound";

    /// <inheritdoc />
    public bool IsAudible => false;

    /// <inheritdoc />
    public bool IsConnected => true;

    /// <inheritdoc />
    public ListenerPose Listener { get; set; } = ListenerPose.Default;

    /// <inheritdoc />
    public IAudioSound Load(AudioClip clip)
    {
        if (clip.Channels is not (1 or 2)) throw new ArgumentException($"Clips are mono or stereo, got {clip.Channels} channels.", nameof(clip));
        if (clip.Frames == 0) throw new ArgumentException("The clip has no samples.", nameof(clip));
        return new NullSound(clip.Seconds);
    }

    /// <inheritdoc />
    public IAudioVoice Play(IAudioSound sound, VoiceSettings settings)
    {
        settings.Validate();
        if (sound is not NullSound) throw new ArgumentException("The sound was loaded by another output.", nameof(sound));
        return new NullVoice(_time, sound.Seconds / settings.Pitch, settings);
    }

    /// <inheritdoc />
    public void Dispose() { }

    private sealed class NullSound(double seconds) : IAudioSound
    {
        public double Seconds { get; } = seconds;

        public void Dispose() { }
    }
}
