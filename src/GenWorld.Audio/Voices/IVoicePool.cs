using GenWorld.Audio.Output;
using System.Numerics;

namespace GenWorld.Audio.Voices;

/// <summary>
/// Plays the nearest emitters of the world through at most N voices. The host calls <see cref="Update"/> once a frame
/// with everything it would like to hear; the pool picks, fades, steals and re-triggers. <see cref="VoicePool"/> plays
/// through OpenAL; <see cref="NullVoicePool"/> makes the same decisions silently.
/// </summary>
public interface IVoicePool : IDisposable
{
    /// <summary>Local density of the field, 0..1: the reverb's size follows it.</summary>
    float Density { get; set; }

    /// <summary>The voices held now (active and fading out).</summary>
    IReadOnlyList<VoiceStatus> Voices { get; }

    /// <summary>
    /// Looping voices found stopped while they should sound, since the pool was made: each is an audible gap (an
    /// underrun of that voice), and the pool restarts it at once.
    /// </summary>
    int Starved { get; }

    /// <summary>
    /// Advances to <paramref name="timeSeconds"/> (never backwards): moves the listener (= camera), assigns the nearest
    /// <c>MaxVoices</c> of <paramref name="wanted"/>, ramps gains, releases what has faded out. Never blocks.
    /// </summary>
    void Update(double timeSeconds, ListenerPose listener, Vector3 listenerVelocity, ReadOnlySpan<VoiceRequest> wanted);
}
