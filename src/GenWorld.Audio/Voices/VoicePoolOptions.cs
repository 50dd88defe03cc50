namespace GenWorld.Audio.Voices;

/// <summary>Voice pool settings; <see cref="Errors"/> lists every bad field.</summary>
public sealed record VoicePoolOptions
{
    /// <summary>Most voices (OpenAL sources) playing at once.</summary>
    public int MaxVoices { get; init; } = 16;

    /// <summary>Time for a voice's gain to ramp from 0 to full, or back when it leaves or is stolen.</summary>
    public float FadeSeconds { get; init; } = 0.08f;

    /// <summary>How long a faded-out voice stays silent before its source stops, so the mixer has rendered the silence.</summary>
    public float StopDelaySeconds { get; init; } = 0.05f;

    /// <summary>Fade applied to the first and last samples of one-shot buffers.</summary>
    public float EdgeFadeSeconds { get; init; } = 0.004f;

    /// <summary>Loops: the end is cross-faded into the start over this long, so the loop seam is continuous.</summary>
    public float LoopCrossfadeSeconds { get; init; } = 0.02f;

    /// <summary>A playing voice keeps its place unless a newcomer is this fraction nearer (no flapping at the edge).</summary>
    public float Hysteresis { get; init; } = 0.15f;

    /// <summary>Binaural rendering (ALC_SOFT_HRTF) when the device offers it.</summary>
    public bool Hrtf { get; init; } = true;

    /// <summary>Distance where gain is 1 (inverse-distance clamped model).</summary>
    public float ReferenceDistance { get; init; } = 1f;

    /// <summary>How fast gain falls past the reference distance.</summary>
    public float RolloffFactor { get; init; } = 1f;

    /// <summary>Distance beyond which gain stops falling.</summary>
    public float MaxDistance { get; init; } = 100f;

    /// <summary>Speed of sound in world units per second (Doppler).</summary>
    public float SpeedOfSound { get; init; } = 343.3f;

    /// <summary>Scales the Doppler shift (0 disables it).</summary>
    public float DopplerFactor { get; init; } = 1f;

    /// <summary>Send every voice to an EFX reverb whose size follows <see cref="IVoicePool.Density"/> (when EFX exists).</summary>
    public bool Reverb { get; init; } = true;

    /// <summary>Seed of the one-shot variation.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Every bad field as "Field = value (why)"; empty when valid.</summary>
    public IReadOnlyList<string> Errors()
    {
        var errors = new List<string>();
        if (MaxVoices is < 1 or > 256) errors.Add($"MaxVoices = {MaxVoices} (1..256)");
        if (!(FadeSeconds is > 0.001f and <= 5)) errors.Add($"FadeSeconds = {FadeSeconds} (0.001..5)");
        if (!(StopDelaySeconds is >= 0 and <= 1)) errors.Add($"StopDelaySeconds = {StopDelaySeconds} (0..1)");
        if (!(EdgeFadeSeconds is >= 0 and <= 0.1f)) errors.Add($"EdgeFadeSeconds = {EdgeFadeSeconds} (0..0.1)");
        if (!(LoopCrossfadeSeconds is >= 0 and <= 0.5f)) errors.Add($"LoopCrossfadeSeconds = {LoopCrossfadeSeconds} (0..0.5)");
        if (!(Hysteresis is >= 0 and < 1)) errors.Add($"Hysteresis = {Hysteresis} (0..1)");
        if (!(ReferenceDistance > 0)) errors.Add($"ReferenceDistance = {ReferenceDistance} (above 0)");
        if (!(RolloffFactor >= 0)) errors.Add($"RolloffFactor = {RolloffFactor} (0 or more)");
        if (!(MaxDistance >= ReferenceDistance)) errors.Add($"MaxDistance = {MaxDistance} (at least ReferenceDistance)");
        if (!(SpeedOfSound > 0)) errors.Add($"SpeedOfSound = {SpeedOfSound} (above 0)");
        if (!(DopplerFactor >= 0)) errors.Add($"DopplerFactor = {DopplerFactor} (0 or more)");
        return errors;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every bad field.</summary>
    public void Validate()
    {
        IReadOnlyList<string> errors = Errors();
        if (errors.Count > 0) throw new ArgumentException("Invalid voice pool options: " + string.Join("; ", errors));
    }
}
