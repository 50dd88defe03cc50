using System.Numerics;

namespace GenWorld.Audio.Voices;

/// <summary>One emitter the host would like to hear this frame. The pool plays the nearest ones.</summary>
/// <param name="Id">Stable id of the emitter across frames.</param>
/// <param name="Position">World position.</param>
/// <param name="Velocity">World units per second (Doppler).</param>
/// <param name="Sound">What it plays.</param>
/// <param name="Playback">Loop or re-triggered one-shot.</param>
/// <param name="Gain">Target linear gain before distance attenuation (0 or more).</param>
public readonly record struct VoiceRequest(long Id, Vector3 Position, Vector3 Velocity, VoiceSound Sound, VoicePlayback Playback, float Gain = 1f)
{
    /// <summary>Throws naming the bad field.</summary>
    public void Validate()
    {
        if (Sound is null) throw new ArgumentException($"Voice {Id} has no sound.", nameof(Sound));
        if (!(Gain is >= 0 and <= 16)) throw new ArgumentOutOfRangeException(nameof(Gain), Gain, $"Voice {Id}: gain must be 0..16.");
        if (!float.IsFinite(Position.X + Position.Y + Position.Z))
            throw new ArgumentOutOfRangeException(nameof(Position), Position, $"Voice {Id}: position must be finite.");
        if (!float.IsFinite(Velocity.X + Velocity.Y + Velocity.Z))
            throw new ArgumentOutOfRangeException(nameof(Velocity), Velocity, $"Voice {Id}: velocity must be finite.");
        Playback.Validate();
    }
}
