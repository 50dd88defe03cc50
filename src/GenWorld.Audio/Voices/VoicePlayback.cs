namespace GenWorld.Audio.Voices;

/// <summary>How a voice plays its sound: looping, or a one-shot re-triggered with small random variation.</summary>
/// <param name="Loop">Loop seamlessly until the voice leaves; when false, play once per trigger.</param>
/// <param name="RetriggerSeconds">One-shots: time from one start to the next (never before the previous one ended).</param>
/// <param name="PitchVariation">One-shots: each trigger's pitch is 1 ± this fraction (uniform), e.g. 0.05.</param>
/// <param name="GainVariation">One-shots: each trigger's gain is 1 ± this fraction (uniform), e.g. 0.2.</param>
public readonly record struct VoicePlayback(bool Loop, float RetriggerSeconds = 1f, float PitchVariation = 0f, float GainVariation = 0f)
{
    /// <summary>Loop the sound.</summary>
    public static VoicePlayback Looping => new(true);

    /// <summary>A one-shot re-triggered every <paramref name="retriggerSeconds"/> with the given variation.</summary>
    public static VoicePlayback OneShot(float retriggerSeconds, float pitchVariation = 0.03f, float gainVariation = 0.15f) =>
        new(false, retriggerSeconds, pitchVariation, gainVariation);

    /// <summary>Throws naming the bad field.</summary>
    public void Validate()
    {
        if (!(RetriggerSeconds is > 0 and <= 3600))
            throw new ArgumentOutOfRangeException(nameof(RetriggerSeconds), RetriggerSeconds, "Retrigger interval must be above 0 and at most an hour.");
        if (!(PitchVariation is >= 0 and < 0.5f))
            throw new ArgumentOutOfRangeException(nameof(PitchVariation), PitchVariation, "Pitch variation must be 0..0.5.");
        if (!(GainVariation is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(GainVariation), GainVariation, "Gain variation must be 0..1.");
    }
}
