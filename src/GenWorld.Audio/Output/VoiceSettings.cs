using System.Numerics;

namespace GenWorld.Audio.Output;

/// <summary>How a voice starts: where, how loud, how fast, whether it loops.</summary>
/// <param name="Position">World position.</param>
/// <param name="Gain">Linear gain, 0 or more.</param>
/// <param name="Pitch">Playback rate factor, above 0.</param>
/// <param name="Looping">Whether to loop until stopped.</param>
public readonly record struct VoiceSettings(Vector3 Position, float Gain = 1f, float Pitch = 1f, bool Looping = false)
{
    /// <summary>Throws naming the bad field.</summary>
    public void Validate()
    {
        if (!(Gain >= 0)) throw new ArgumentOutOfRangeException(nameof(Gain), Gain, "Voice gain must be 0 or more.");
        if (!(Pitch > 0)) throw new ArgumentOutOfRangeException(nameof(Pitch), Pitch, "Voice pitch must be above 0.");
        if (!float.IsFinite(Position.X + Position.Y + Position.Z))
            throw new ArgumentOutOfRangeException(nameof(Position), Position, "Voice position must be finite.");
    }
}
