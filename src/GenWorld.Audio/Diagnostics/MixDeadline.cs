namespace GenWorld.Audio.Diagnostics;

/// <summary>
/// Counts mixes produced too late for a sound card. A card plays from a buffer the mixer must refill before it runs
/// dry; OpenAL Soft's default is 3 periods of 1,024 frames, 64 ms at 48 kHz. When the loopback device is mixed on the
/// frame thread, each frame renders the time since the last one, so a gap between two mixes longer than that buffer
/// (a stalled frame, a CPU the machine gave to someone else) is a block a card would have played as a dropout.
/// </summary>
public sealed class MixDeadline
{
    /// <summary>OpenAL Soft's default playback buffer: 3 periods of 1,024 frames at 48 kHz.</summary>
    public const double DefaultBufferSeconds = 3 * 1024 / 48000.0;

    /// <summary>A deadline for a card that buffers <paramref name="bufferSeconds"/> of sound.</summary>
    public MixDeadline(double bufferSeconds = DefaultBufferSeconds)
    {
        if (!(bufferSeconds > 0 && double.IsFinite(bufferSeconds)))
            throw new ArgumentOutOfRangeException(nameof(bufferSeconds), bufferSeconds, "The buffer must be above 0 seconds.");
        BufferSeconds = bufferSeconds;
    }

    /// <summary>The buffer a mix must come within.</summary>
    public double BufferSeconds { get; }

    /// <summary>Mixes that came later than the buffer lasts.</summary>
    public int Late { get; private set; }

    /// <summary>The longest gap seen between two mixes.</summary>
    public double LongestGapSeconds { get; private set; }

    /// <summary>A mix ran <paramref name="gapSeconds"/> (on the clock the audio follows) after the previous one.</summary>
    public void Mixed(double gapSeconds)
    {
        LongestGapSeconds = Math.Max(LongestGapSeconds, gapSeconds);
        if (gapSeconds > BufferSeconds) Late++;
    }
}
