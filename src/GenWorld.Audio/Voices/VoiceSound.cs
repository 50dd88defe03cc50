namespace GenWorld.Audio.Voices;

/// <summary>
/// Mono samples a voice plays. The pool keeps one OpenAL buffer per <see cref="VoiceSound"/> instance while any voice
/// uses it: hand the same instance every frame while the content is unchanged, a new one when it changes.
/// </summary>
public sealed class VoiceSound
{
    /// <summary>Wraps <paramref name="samples"/> (not copied: do not change them afterwards).</summary>
    public VoiceSound(float[] samples, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (sampleRate is < 8000 or > 192000)
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "Sample rate must be 8000..192000 Hz.");
        if (samples.Length < sampleRate / 100)
            throw new ArgumentException($"A voice sound needs at least 10 ms of samples ({sampleRate / 100}), got {samples.Length}.", nameof(samples));
        for (int i = 0; i < samples.Length; i++)
            if (!float.IsFinite(samples[i])) throw new ArgumentException($"Sample {i} is {samples[i]}; samples must be finite.", nameof(samples));
        (Samples, SampleRate) = (samples, sampleRate);
    }

    /// <summary>Mono samples, nominally in -1..1.</summary>
    public float[] Samples { get; }

    /// <summary>Frames per second.</summary>
    public int SampleRate { get; }

    /// <summary>Length in seconds at pitch 1.</summary>
    public double Seconds => (double)Samples.Length / SampleRate;
}
