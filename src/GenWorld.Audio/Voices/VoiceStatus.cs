namespace GenWorld.Audio.Voices;

/// <summary>Where a voice is in its life.</summary>
public enum VoicePhase
{
    /// <summary>Gain ramping up, or at full.</summary>
    Active,

    /// <summary>Gain ramping down (left range, stolen, or its sound changed); it stops once silent.</summary>
    FadingOut,
}

/// <summary>One voice the pool holds now, for HUDs and tests.</summary>
/// <param name="Id">The emitter it plays.</param>
/// <param name="Slot">Index of its source in the pool.</param>
/// <param name="Fade">Current fade multiplier, 0..1.</param>
/// <param name="Phase">Active or fading out.</param>
public readonly record struct VoiceStatus(long Id, int Slot, float Fade, VoicePhase Phase);
